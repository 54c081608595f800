import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PersonNameSchema, SignupRequestSchema } from "./auth";
import { isDefaultMessage, plainMessage } from "./plain-message";

/** The finished issues zod reports for `value` against `schema`. */
function issues(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected a failure");
  return result.error.issues;
}
const first = (schema: z.ZodType, value: unknown) => plainMessage(issues(schema, value)[0] as never);

describe("plainMessage", () => {
  it("turns zod's 'Too big' into what to do", () => {
    const [issue] = issues(z.string().max(100), "x".repeat(101));
    expect(issue?.message).toBe("Too big: expected string to have <=100 characters");
    expect(plainMessage(issue as never)).toBe("Keep this under 100 characters.");
  });

  it("words lengths, counts and numbers", () => {
    expect(first(z.string().min(10), "short")).toBe("Use at least 10 characters.");
    expect(first(z.string().min(1), "")).toBe("Fill this in.");
    expect(first(z.array(z.string()).min(1), [])).toBe("Choose at least one.");
    expect(first(z.array(z.string()).max(2), ["a", "b", "c"])).toBe("Choose at most 2.");
    expect(first(z.number().int().min(0), -1)).toBe("Enter 0 or more.");
    expect(first(z.number().max(336), 400)).toBe("Enter 336 or less.");
    expect(first(z.number().multipleOf(5), 7)).toBe("Enter a multiple of 5.");
    expect(first(z.string().max(1), "ab")).toBe("Keep this under 1 character.");
  });

  it("says a missing value is missing, and a wrong kind what kind", () => {
    expect(first(z.object({ a: z.string() }), {})).toBe("Fill this in.");
    expect(first(z.number(), "abc")).toBe("Enter a number.");
    expect(first(z.boolean(), "yes")).toBe("Choose yes or no.");
  });

  it("explains formats and choices", () => {
    expect(first(z.string().email(), "not-an-address")).toBe(
      "Enter an e-mail address, like name@example.com.",
    );
    expect(first(z.enum(["a", "b"]), "c")).toBe("Choose one of the options.");
    expect(first(z.iso.datetime(), "tomorrow")).toBe("Enter a date and time.");
  });

  it("keeps a message the schema wrote for people", () => {
    expect(first(PersonNameSchema, "  ")).toBe("Enter a name.");
    const email = issues(SignupRequestSchema, {
      clinicSlug: "demo",
      firstName: "A",
      lastName: "B",
      email: "nope",
      password: "long enough password",
    }).find((i) => i.path[0] === "email");
    expect(isDefaultMessage(email?.message)).toBe(false);
    expect(plainMessage(email as never)).toBe(email?.message);
  });

  it("works as a per-parse error map, where schema messages still win", () => {
    const schema = z.object({ name: PersonNameSchema, note: z.string().max(5) });
    const result = schema.safeParse(
      { name: "", note: "too long" },
      { error: (issue) => plainMessage(issue) },
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "Enter a name.",
      "Keep this under 5 characters.",
    ]);
  });
});
