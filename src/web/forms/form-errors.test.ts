import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { SignupRequestSchema } from "../../core/api/auth";
import { ApiError } from "../api/client";
import {
  clearField,
  fieldName,
  hasErrors,
  NO_ERRORS,
  serverErrors,
  submitForm,
  validate,
} from "./form-errors";

const SIGNUP_FIELDS = ["firstName", "lastName", "email", "phone", "password"] as const;

describe("validate", () => {
  it("reports every field's problem at once, in plain words", () => {
    const result = validate(
      SignupRequestSchema,
      { clinicSlug: "demo", firstName: "", lastName: "x".repeat(101), email: "nope", password: "short" },
      SIGNUP_FIELDS,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fields).toEqual({
      firstName: "Enter a name.",
      lastName: "Keep this under 100 characters.",
      email: "Enter a valid e-mail address.",
      password: "Use at least 10 characters.",
    });
    expect(result.errors.form).toBeNull();
  });

  it("returns the parsed data when the values pass", () => {
    const result = validate(SignupRequestSchema, {
      clinicSlug: "demo",
      firstName: " Ann ",
      lastName: "Lee",
      email: "ANN@Example.org",
      password: "a long enough password",
    });
    expect(result).toMatchObject({ ok: true, data: { firstName: "Ann", email: "ann@example.org" } });
  });

  it("puts a problem with a field the form does not show above the form", () => {
    const result = validate(
      SignupRequestSchema,
      { firstName: "A", lastName: "B", email: "a@b.co", password: "0123456789" },
      SIGNUP_FIELDS,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fields).toEqual({});
    expect(result.errors.form).toBe("Fill this in.");
  });

  it("names nested fields the way the server does", () => {
    expect(fieldName(["policies", "horizonDays"])).toBe("policies.horizonDays");
    expect(fieldName(["items", 0, "note"])).toBe("items[0].note");
    const result = validate(z.object({ policies: z.object({ horizonDays: z.number().max(365) }) }), {
      policies: { horizonDays: 400 },
    });
    expect(result.ok ? null : result.errors.fields).toEqual({ "policies.horizonDays": "Enter 365 or less." });
  });
});

describe("serverErrors", () => {
  it("puts the server's message on the field it names", () => {
    const error = new ApiError(409, "email_taken", "That e-mail already has an account.", "email");
    expect(serverErrors(error, "fallback", SIGNUP_FIELDS)).toEqual({
      fields: { email: "That e-mail already has an account." },
      form: null,
    });
  });

  it("shows a message without a field, or for a field not on the form, above the form", () => {
    expect(serverErrors(new ApiError(429, "rate_limited", "Too many requests."), "fallback")).toEqual({
      fields: {},
      form: "Too many requests.",
    });
    expect(
      serverErrors(new ApiError(400, "invalid_request", "Bad slug.", "clinicSlug"), "f", SIGNUP_FIELDS).form,
    ).toBe("Bad slug.");
    expect(serverErrors(new TypeError("boom"), "Sign-up failed.")).toEqual({
      fields: {},
      form: "Sign-up failed.",
    });
  });
});

describe("submitForm", () => {
  const schema = z.object({ name: z.string().trim().min(1, { message: "Enter a name." }) });

  it("does not send what the browser can already tell is wrong", async () => {
    const send = vi.fn(async () => undefined);
    const errors = await submitForm({ schema, values: { name: " " }, send });
    expect(send).not.toHaveBeenCalled();
    expect(errors.fields).toEqual({ name: "Enter a name." });
  });

  it("sends the parsed values and keeps the server as the authority", async () => {
    const send = vi.fn(async () => {
      throw new ApiError(409, "name_taken", "Another room already has that name.", "name");
    });
    const errors = await submitForm({ schema, values: { name: " Room 1 " }, send });
    expect(send).toHaveBeenCalledWith({ name: "Room 1" });
    expect(errors.fields).toEqual({ name: "Another room already has that name." });
    expect(hasErrors(errors)).toBe(true);
  });

  it("clears every message when the server accepts", async () => {
    const errors = await submitForm({ schema, values: { name: "Ann" }, send: async () => ({ ok: true }) });
    expect(errors).toEqual(NO_ERRORS);
    expect(hasErrors(errors)).toBe(false);
  });
});

describe("clearField", () => {
  it("drops only the edited field's message", () => {
    const errors = { fields: { a: "A", b: "B" }, form: "F" };
    expect(clearField(errors, "a")).toEqual({ fields: { b: "B" }, form: "F" });
    expect(clearField(errors, "c")).toBe(errors);
  });
});
