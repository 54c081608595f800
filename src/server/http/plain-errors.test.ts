/** The server words a refused field the way the web form does before sending (core/api/plain-message). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/harness";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const signup = (body: Record<string, unknown>) =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/signup",
    payload: {
      clinicSlug: "demo",
      firstName: "Ann",
      lastName: "Lee",
      email: "ann@example.org",
      password: "a long enough password",
      ...body,
    },
  });

describe("validation messages", () => {
  it("says what to do instead of zod's 'Too big: expected string to have <=100 characters'", async () => {
    const response = await signup({ lastName: "x".repeat(101) });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: "invalid_request",
      message: "Keep this under 100 characters.",
      field: "lastName",
    });
  });

  it("keeps a message the contract wrote for people", async () => {
    const response = await signup({ firstName: " " });
    expect(response.json()).toMatchObject({ message: "Enter a name.", field: "firstName" });
  });
});
