/**
 * Text a person types, for every schema in src/core/api: trimmed, bounded, and without control
 * characters, which no field should hold (they break e-mail headers, CSV exports and log lines, and
 * can hide text). Names and other one-line fields also refuse line breaks.
 */
import { z } from "zod";

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const LINE_CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/** Free text that may span lines (notes, descriptions, addresses): tabs and line breaks allowed. */
export const plainText = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min, { message: "Enter some text." })
    // No message of its own: the plain-words wording (plain-message.ts) says "Keep this under N characters."
    .max(max)
    .refine((text) => !CONTROL_CHARACTERS.test(text), { message: "Remove control characters." });

/** One line of text (names, titles, phone numbers): no line breaks, tabs or other control characters. */
export const singleLine = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min, { message: "Enter some text." })
    // No message of its own: the plain-words wording (plain-message.ts) says "Keep this under N characters."
    .max(max)
    .refine((text) => !LINE_CONTROL_CHARACTERS.test(text), {
      message: "Use one line without control characters.",
    });

/** A person's name (first, last, or whole): one line, 1–100 characters. */
export const PersonNameSchema = z
  .string()
  .trim()
  .min(1, { message: "Enter a name." })
  .max(100)
  .refine((text) => !LINE_CONTROL_CHARACTERS.test(text), {
    message: "Use one line without control characters.",
  });
