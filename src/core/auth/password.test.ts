import { describe, expect, it } from "vitest";
import { COMMON_LONG_PASSWORDS } from "./common-passwords";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "./password";

describe("passwordProblem", () => {
  it.each([
    ["aaaaaaaaaa", "repetitive"],
    ["          ", "repetitive"],
    ["abcabcabca", "repetitive"],
    ["1212121212", "repetitive"],
    ["1234567890", "sequence"],
    ["0987654321", "sequence"],
    ["qwertyuiop", "sequence"],
    ["abcdefghijkl", "sequence"],
    ["password12", "common"],
    ["Password123!", "common"],
    ["sunshine2024", "common"],
    ["basketball", "common"],
    ["knotwork-demo", "common"],
    ["short", "too_short"],
  ])("refuses %j as %s", (password, reason) => {
    expect(passwordProblem(password)?.reason).toBe(reason);
  });

  it("refuses a password made of the person's own name or e-mail", () => {
    const context = { email: "ann.lee@example.org", names: ["Ann", "Lee"] };
    expect(passwordProblem("annlee12345", context)?.reason).toBe("personal");
    expect(passwordProblem("ann.lee@example.org", context)?.reason).toBe("personal");
    expect(passwordProblem("annlee12345")).toBeNull();
  });

  it.each([
    "correct horse battery staple",
    "a-long-enough-password",
    "long-enough-pw",
    "Tr1gger points in my shoulder",
    "9f$Kq2!zLm",
  ])("accepts %j", (password) => {
    expect(passwordProblem(password, { email: "someone@example.com", names: ["Some", "One"] })).toBeNull();
  });

  it("covers every listed password the length rule would let through", () => {
    expect(COMMON_LONG_PASSWORDS.length).toBeGreaterThan(1500);
    const accepted = COMMON_LONG_PASSWORDS.filter(
      (p) => p.length >= MIN_PASSWORD_LENGTH && !passwordProblem(p),
    );
    expect(accepted).toEqual([]);
  });

  it("explains the problem in plain words", () => {
    expect(passwordProblem("password12")?.message).toMatch(/most common passwords/);
  });
});
