/**
 * What a form shows when it cannot be sent: every field's problem at once, in plain words, from the
 * same zod schema the server validates with; then whatever the server still refuses (it stays the
 * authority: a taken e-mail, a slot someone else booked, a rule the browser cannot know).
 *
 * Pure functions, so the hook in `useZodForm.ts` is a thin shell over tested logic.
 */
import type { z } from "zod";
import { plainMessage } from "../../core/api/plain-message";
import { ApiError } from "../api/client";

/** One message per field name (the server's `field`: `name`, `policies.horizonDays`, `items[0].note`). */
export type FieldErrors = Readonly<Record<string, string>>;

export interface FormErrors {
  fields: FieldErrors;
  /** A problem that belongs to no field the form shows (shown above the form). */
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

/** The server's spelling of an issue path (see `pathToField` in server/http/errors.ts). */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}

/**
 * Files each message under its field, or under the form when the field is not one the form shows
 * (`fields` undefined: every named field is shown). The first message per field wins, as the
 * first thing to fix.
 */
function file(
  entries: readonly { field: string; message: string }[],
  fields: readonly string[] | undefined,
): FormErrors {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const { field, message } of entries) {
    if (field && (!fields || fields.includes(field))) byField[field] ??= message;
    else if (!rest.includes(message)) rest.push(message);
  }
  return { fields: byField, form: rest.length > 0 ? rest.join(" ") : null };
}

export type Validation<S extends z.ZodType> =
  | { ok: true; data: z.output<S> }
  | { ok: false; errors: FormErrors };

/** Checks `values` with the API's own schema and words every problem for a person. */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
  fields?: readonly string[],
): Validation<S> {
  const result = schema.safeParse(values, { error: (issue) => plainMessage(issue as never) });
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    errors: file(
      result.error.issues.map((issue) => ({ field: fieldName(issue.path), message: plainMessage(issue) })),
      fields,
    ),
  };
}

/** The server's `{code, message, field}` placed on the form; anything else as one plain sentence. */
export function serverErrors(error: unknown, fallback: string, fields?: readonly string[]): FormErrors {
  if (error instanceof ApiError) return file([{ field: error.field ?? "", message: error.message }], fields);
  return { fields: {}, form: fallback };
}

/** The whole submit, without React: check in the browser, then send, then show what the server says. */
export async function submitForm<S extends z.ZodType>(options: {
  schema: S;
  values: unknown;
  send: (data: z.output<S>) => Promise<unknown>;
  fields?: readonly string[];
  fallback?: string;
}): Promise<FormErrors> {
  const checked = validate(options.schema, options.values, options.fields);
  if (!checked.ok) return checked.errors;
  try {
    await options.send(checked.data);
    return NO_ERRORS;
  } catch (error) {
    return serverErrors(error, options.fallback ?? "That did not work. Please try again.", options.fields);
  }
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.form !== null || Object.keys(errors.fields).length > 0;
}

/** After a person edits a field, its old message no longer describes what they see. */
export function clearField(errors: FormErrors, field: string): FormErrors {
  if (!(field in errors.fields)) return errors;
  const { [field]: _cleared, ...rest } = errors.fields;
  return { ...errors, fields: rest };
}
