/**
 * Refuses passwords that are long enough but easy to guess (ASVS 5.0 §6.2): the common ones, one
 * character or a short pattern repeated, a run along the keyboard or the alphabet, a common word
 * padded with digits, and the person's own name or e-mail. No composition rules (NIST 800-63B):
 * anything else of 10 characters or more is accepted. Pure, so the web can give the same answer.
 */
import { COMMON_BASE_WORDS, COMMON_LONG_PASSWORDS } from "./common-passwords";

export const MIN_PASSWORD_LENGTH = 10;

export type PasswordWeakness = "too_short" | "common" | "repetitive" | "sequence" | "personal";

export interface PasswordProblem {
  reason: PasswordWeakness;
  /** Plain words for the person choosing it. */
  message: string;
}

/** What the password may not resemble: the account's own name and e-mail. */
export interface PasswordContext {
  email?: string;
  names?: readonly string[];
}

const ADVICE = "A short sentence of a few unrelated words works well.";

const MESSAGES: Record<PasswordWeakness, string> = {
  too_short: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
  common: `This is one of the most common passwords, so it is among the first an attacker tries. ${ADVICE}`,
  repetitive: `This password repeats the same few characters, which makes it easy to guess. ${ADVICE}`,
  sequence: `This password is a simple run such as 1234567890 or qwertyuiop, which is easy to guess. ${ADVICE}`,
  personal: `This password is too close to your name or e-mail address. ${ADVICE}`,
};

let commonLong: Set<string> | undefined;
let commonBases: Set<string> | undefined;

/** Words this application's users are likely to reach for (ASVS: context-specific words). */
const CONTEXT_WORDS = [
  "knotwork",
  "triggerpoint",
  "triggerpoints",
  "massage",
  "therapist",
  "therapy",
  "clinic",
];

/** Passwords this project itself has published (the demo's), which no real account should use. */
const PUBLISHED = new Set(["knotwork-demo"]);

/** Runs people type: keyboard rows and the alphabet, in both directions. */
const RUNS = [
  "1234567890",
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm",
  "abcdefghijklmnopqrstuvwxyz",
  "qazwsxedcrfvtgbyhnujmikolp",
];

function isCommon(lower: string): boolean {
  commonLong ??= new Set(COMMON_LONG_PASSWORDS);
  commonBases ??= new Set([...COMMON_BASE_WORDS, ...CONTEXT_WORDS]);
  if (commonLong.has(lower) || PUBLISHED.has(lower)) return true;
  // A common word with digits or symbols before or after it: "password12", "!!sunshine2024".
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  return core !== lower && (commonBases.has(core) || commonLong.has(core));
}

/** One character, or a unit of up to four characters repeated ("aaaaaaaaaa", "abcabcabca", ten spaces). */
function isRepetitive(password: string): boolean {
  const chars = [...password];
  if (new Set(chars).size <= 2) return true;
  for (let unit = 1; unit <= 4; unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return true;
  }
  return false;
}

/** Entirely a run along a keyboard row or the alphabet (either direction), or a run of equal steps. */
function isSequence(lower: string): boolean {
  for (const run of RUNS) {
    const doubled = run + run;
    const reversed = [...doubled].reverse().join("");
    if (doubled.includes(lower) || reversed.includes(lower)) return true;
  }
  const codes = [...lower].map((c) => c.codePointAt(0) ?? 0);
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  return Math.abs(step) <= 2 && codes.every((code, i) => i === 0 || code - (codes[i - 1] ?? 0) === step);
}

function lettersOf(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * The password is mostly the person's name or e-mail: removing those leaves fewer than 4
 * characters, or only a few digits ("annlee12345").
 */
function isPersonal(lower: string, context: PasswordContext): boolean {
  const local = context.email?.split("@")[0] ?? "";
  const parts = [local, ...(context.names ?? [])]
    .flatMap((part) => [lettersOf(part), ...part.toLowerCase().split(/[^\p{L}\p{N}]+/u)])
    .filter((part) => part.length >= 3);
  if (parts.length === 0) return false;
  const all = lettersOf(lower);
  let rest = all;
  for (const part of parts.sort((a, b) => b.length - a.length)) rest = rest.split(part).join("");
  return rest.length < 4 || (rest.length < all.length && /^\d{0,6}$/.test(rest));
}

/** Why the password would be refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext = {}): PasswordProblem | null {
  const reason = passwordWeakness(password, context);
  return reason ? { reason, message: MESSAGES[reason] } : null;
}

function passwordWeakness(password: string, context: PasswordContext): PasswordWeakness | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "too_short";
  const lower = password.toLowerCase();
  if (isRepetitive(lower)) return "repetitive";
  if (isSequence(lower)) return "sequence";
  if (isCommon(lower) || isCommon(lower.trim())) return "common";
  if (isPersonal(lower, context)) return "personal";
  return null;
}
