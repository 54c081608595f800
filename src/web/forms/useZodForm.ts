/**
 * The one form approach for Knotwork's pages: uncontrolled inputs read with `FormData`, checked in
 * the browser with the API's zod schema (every field's problem at once, in plain words), then sent;
 * the server's answer is the authority and lands on the field it names.
 *
 *   const form = useZodForm({
 *     schema: SignupRequestSchema,
 *     fields: ["firstName", "email", "password"],
 *     read: (data) => ({ firstName: data.get("firstName"), ... }),
 *     send: (body) => post("/api/auth/signup", body),
 *   });
 *   <form onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
 *     {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
 *     <TextField name="email" error={form.error("email")} />
 *
 * Why not a form library: every Knotwork form is a handful of native inputs; this is enough and adds
 * no dependency. It is the seam to swap for react-hook-form if a form ever needs field arrays.
 */
import { type FormEvent, useCallback, useRef, useState } from "react";
import type { z } from "zod";
import { clearField, type FormErrors, hasErrors, NO_ERRORS, submitForm } from "./form-errors";

export interface ZodFormOptions<S extends z.ZodType> {
  schema: S;
  /** The field names the form shows an error beside; any other problem is shown above the form. */
  fields?: readonly string[];
  /** The request body from the form's inputs (blank optional inputs should become `undefined`). */
  read: (data: FormData, form: HTMLFormElement) => unknown;
  send: (body: z.output<S>) => Promise<unknown>;
  /** Shown when the request fails with no message of its own (network, a bug). */
  fallback?: string;
}

export interface ZodForm {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Clears a field's message once the person changes that field. */
  onChange: (event: FormEvent<HTMLFormElement>) => void;
  error: (field: string) => string | null;
  formError: string | null;
  errors: FormErrors;
  busy: boolean;
  /** Shows errors found elsewhere (e.g. a step's own check) the same way. */
  setErrors: (errors: FormErrors) => void;
}

export function useZodForm<S extends z.ZodType>(options: ZodFormOptions<S>): ZodForm {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const latest = useRef(options);
  latest.current = options;

  const onSubmit = useCallback((event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const { schema, fields, read, send, fallback } = latest.current;
    setBusy(true);
    void submitForm({ schema, fields, fallback, send, values: read(new FormData(form), form) }).then(
      (found) => {
        setErrors(found);
        setBusy(false);
        if (hasErrors(found)) focusFirstInvalid(form, found);
      },
    );
  }, []);

  const onChange = useCallback((event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as { name?: unknown }).name;
    if (typeof name === "string" && name) setErrors((current) => clearField(current, name));
  }, []);

  return {
    onSubmit,
    onChange,
    error: (field) => errors.fields[field] ?? null,
    formError: errors.form,
    errors,
    busy,
    setErrors,
  };
}

/** Moves focus to the first field with a problem, so keyboard and screen-reader users land on it. */
function focusFirstInvalid(form: HTMLFormElement, errors: FormErrors): void {
  for (const element of Array.from(form.elements)) {
    const name = (element as HTMLInputElement).name;
    if (name && name in errors.fields) {
      (element as HTMLElement).focus();
      return;
    }
  }
}
