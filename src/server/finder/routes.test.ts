import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MUSCLES, searchMuscles } from "../../core/atlas";
import { REGIONS } from "../../core/body/regions";
import { FinderResponseSchema, rankMuscles } from "../../core/finder";
import { createTestApp, type TestApp } from "../testing/harness";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function find(payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({ method: "POST", url: "/api/finder", payload: payload as object, headers });
}

describe("POST /api/finder", () => {
  it("answers anyone, without a session, with results in the contract's shape", async () => {
    const response = await find({
      regions: [
        { id: "temple-left", intensity: 6 },
        { id: "neck-posterior-left", intensity: 4 },
      ],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(["results"]);
    expect(FinderResponseSchema.safeParse(body).success).toBe(true);
    const first = body.results[0];
    expect(Object.keys(first).sort()).toEqual(["explains", "muscle", "score", "side", "unexplained"]);
    expect(Object.keys(first.explains).sort()).toEqual(["essential", "spillover"]);
  });

  it("ranks upper trapezius, left, first for a left temple and back-of-neck pain", async () => {
    const response = await find({
      regions: [
        { id: "temple-left", intensity: 6 },
        { id: "neck-posterior-left", intensity: 4 },
      ],
    });
    expect(response.json().results[0]).toEqual({
      muscle: "upper-trapezius",
      side: "left",
      score: expect.any(Number),
      explains: { essential: ["temple-left", "neck-posterior-left"], spillover: [] },
      unexplained: [],
    });
  });

  it("gives exactly the ranking of the core function the browser runs", async () => {
    const queries = [
      [{ id: "heel-right", intensity: 6 }],
      [
        { id: "temple-left", intensity: 7 },
        { id: "occiput-left", intensity: 6 },
        { id: "neck-posterior-left", intensity: 8 },
        { id: "shoulder-top-left", intensity: 6 },
      ],
      [
        { id: "sacrum", intensity: 3 },
        { id: "back-low-right", intensity: 9 },
        { id: "buttock-right", intensity: 5 },
      ],
      // Every region once, so every muscle's pattern takes part.
      REGIONS.slice(0, 40).map((region, i) => ({ id: region.id, intensity: (i % 10) + 1 })),
    ];
    for (const regions of queries) {
      const response = await find({ regions });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ results: rankMuscles(regions) });
    }
  });

  it("uses intensity 5 when a mark leaves it out, as the contract says", async () => {
    const response = await find({ regions: [{ id: "temple-right" }, { id: "jaw-right", intensity: 2 }] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      results: rankMuscles([
        { id: "temple-right", intensity: 5 },
        { id: "jaw-right", intensity: 2 },
      ]),
    });
  });

  it("refuses an unknown region with a 400 that names it and points at it", async () => {
    const response = await find({
      regions: [
        { id: "temple-left", intensity: 6 },
        { id: "left-temple", intensity: 4 },
      ],
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe("unknown_region");
    expect(body.message).toContain("left-temple");
    expect(body.field).toBe("regions[1].id");
  });

  it("refuses a type id that needs a side (temple) as unknown: the API takes exactly the region ids", async () => {
    const response = await find({ regions: [{ id: "temple", intensity: 6 }] });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "unknown_region", field: "regions[0].id" });
  });

  it.each([
    ["no regions", { regions: [] }, "regions"],
    ["no regions key", {}, "regions"],
    ["regions not a list", { regions: "temple-left" }, "regions"],
    ["intensity 0", { regions: [{ id: "temple-left", intensity: 0 }] }, "regions[0].intensity"],
    ["intensity 11", { regions: [{ id: "temple-left", intensity: 11 }] }, "regions[0].intensity"],
    ["intensity 2.5", { regions: [{ id: "temple-left", intensity: 2.5 }] }, "regions[0].intensity"],
    ["intensity as text", { regions: [{ id: "temple-left", intensity: "6" }] }, "regions[0].intensity"],
    ["id not a string", { regions: [{ id: 7, intensity: 6 }] }, "regions[0].id"],
    ["empty id", { regions: [{ id: "", intensity: 6 }] }, "regions[0].id"],
    ["a very long id", { regions: [{ id: "x".repeat(5000), intensity: 6 }] }, "regions[0].id"],
    [
      "41 regions",
      { regions: Array.from({ length: 41 }, () => ({ id: "temple-left", intensity: 5 })) },
      "regions",
    ],
  ])("refuses %s with a 400 in the API's error shape", async (_name, payload, field) => {
    const response = await find(payload);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body).toEqual({ code: expect.any(String), message: expect.any(String), field });
    expect(body.message.length).toBeLessThan(200);
  });

  it("refuses bodies that are not a JSON object with a 4xx, never a 5xx", async () => {
    const cases = [
      { payload: "not json", headers: { "content-type": "application/json" } },
      { payload: "[]", headers: { "content-type": "application/json" } },
      { payload: "null", headers: { "content-type": "application/json" } },
      { payload: "regions=temple-left", headers: { "content-type": "application/x-www-form-urlencoded" } },
      { payload: '{"__proto__": {"regions": []}}', headers: { "content-type": "application/json" } },
    ];
    for (const { payload, headers } of cases) {
      const response = await t.app.inject({ method: "POST", url: "/api/finder", payload, headers });
      expect(response.statusCode, payload).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, payload).toBeLessThan(500);
      expect(response.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
  });

  it("refuses a cross-site post (a page on another site cannot use a visitor's browser)", async () => {
    const response = await find(
      { regions: [{ id: "temple-left", intensity: 6 }] },
      { origin: "https://elsewhere.example" },
    );
    expect(response.statusCode).toBe(403);
  });

  it("is in the OpenAPI document as a public operation", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json();
    expect(doc.paths["/api/finder"].post["x-access"]).toBe("public");
    expect(doc.paths["/api/atlas/muscles"].get["x-access"]).toBe("public");
    expect(doc.paths["/api/atlas/muscles/{id}"].get["x-access"]).toBe("public");
  });
});

describe("GET /api/atlas/muscles", () => {
  it("lists all 61 muscles in catalogue order with their patterns", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/atlas/muscles" });
    expect(response.statusCode).toBe(200);
    const { muscles } = response.json();
    expect(muscles).toHaveLength(61);
    expect(muscles.map((m: { id: string }) => m.id)).toEqual(MUSCLES.map((m) => m.id));
    expect(muscles[0]).toEqual({
      id: "upper-trapezius",
      name: "Upper trapezius",
      anatomicalName: "Upper trapezius",
      alsoKnownAs: expect.any(Array),
      group: "neck",
      essential: ["neck-posterior", "neck-lateral", "mastoid", "temple"],
      spillover: ["eye", "jaw", "occiput"],
    });
  });

  it("searches by name or by where it hurts with the core search, best first", async () => {
    for (const q of ["temple", "SCM", "heel", "low back"]) {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/atlas/muscles?q=${encodeURIComponent(q)}`,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().muscles.map((m: { id: string }) => m.id)).toEqual(
        searchMuscles(q).map((m) => m.id),
      );
      expect(response.json().muscles.length).toBeGreaterThan(0);
    }
  });

  it("answers an empty list for a search that matches nothing, and 400 for an overlong one", async () => {
    const none = await t.app.inject({ method: "GET", url: "/api/atlas/muscles?q=zzzzqqq" });
    expect(none.json()).toEqual({ muscles: [] });
    const long = await t.app.inject({ method: "GET", url: `/api/atlas/muscles?q=${"a".repeat(101)}` });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: "invalid_request", field: "querystring.q" });
  });
});

describe("GET /api/atlas/muscles/:id", () => {
  it("answers one entry with its self-treatment, cautions and resolved sources", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/atlas/muscles/gluteus-minimus" });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.muscle.id).toBe("gluteus-minimus");
    expect(body.muscle.selfTreatment.holdSeconds[0]).toBeGreaterThanOrEqual(10);
    expect(body.muscle.selfTreatment.holdSeconds[1]).toBeLessThanOrEqual(60);
    expect(body.sources.length).toBe(body.muscle.sources.length);
    expect(body.sources[0].citation.length).toBeGreaterThan(10);
    expect(body.generalRules.length).toBeGreaterThan(3);
  });

  it("answers 404 in the API's error shape for an unknown muscle", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/atlas/muscles/not-a-muscle" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      code: "not_found",
      message: expect.stringContaining("not-a-muscle"),
    });
  });
});
