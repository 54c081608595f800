import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { createTestApp, signIn, type TestApp } from "../testing/harness";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
});
afterAll(() => t.close());

describe("the running app", () => {
  it("answers the health check with the database engine in use", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", database: t.database.engine });
  });

  it("serves the OpenAPI document with every API route in it", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toContain("/api/auth/login");
    expect(paths).toContain("/api/clients/{id}");
  });

  it("sends security headers and a request id on every response", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("lets the demo owner sign in and see the demo clinic in America/Boise", async () => {
    const owner = await signIn(t.app, "owner@knotwork.test", DEMO_PASSWORD);
    const clinic = await owner.request("GET", "/api/clinic");
    expect(clinic.statusCode).toBe(200);
    expect(clinic.json()).toMatchObject({ slug: "demo", timeZone: "America/Boise" });
    const therapists = await owner.request("GET", "/api/clinic/therapists");
    expect(therapists.json()).toHaveLength(3);
    const rooms = await owner.request("GET", "/api/clinic/rooms");
    expect(rooms.json()).toHaveLength(2);
  });
});
