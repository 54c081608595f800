/**
 * Bad input never hurts the server (docs/architecture.md "Reliability and security": Bad input): wrong
 * bodies, types, sizes, keys, dates, content types and ids get a 4xx with exactly
 * `{ code, message, field? }`, never a 5xx; a fast-check fuzzer then throws a few thousand
 * arbitrary bodies and query strings at every operation, and the process stays up.
 */

import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { type Agent, createTestApp, signIn, type TestApp } from "../testing/harness";

let t: TestApp;
let owner: Agent;

interface Operation {
  method: string;
  path: string;
  bodyKeys: string[];
  queryKeys: string[];
}
let operations: Operation[];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
  owner = await signIn(t.app, "owner@knotwork.test", DEMO_PASSWORD);
  const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json();
  operations = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as {
        requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
        parameters?: { in: string; name: string }[];
      };
      operations.push({
        method: method.toUpperCase(),
        path,
        bodyKeys: Object.keys(op.requestBody?.content?.["application/json"]?.schema?.properties ?? {}),
        queryKeys: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
      });
    }
  }
});
afterAll(() => t.close());

let ipCounter = 0;
/** A new client address per request, so the per-IP sign-in limit never hides what lies behind it. */
const freshIp = () => `10.40.${Math.floor(ipCounter / 250) % 250}.${(ipCounter++ % 250) + 1}`;

interface Send {
  method: string;
  url: string;
  body?: string | Buffer;
  contentType?: string;
  as?: "owner" | "anonymous";
}

function send({ method, url, body, contentType = "application/json", as = "anonymous" }: Send) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = contentType;
  if (as === "owner") {
    headers.cookie = owner.cookie;
    if (method !== "GET") headers["x-csrf-token"] = owner.csrfToken;
  }
  return t.app.inject({
    method: method as "POST",
    url,
    headers,
    remoteAddress: freshIp(),
    ...(body === undefined ? {} : { payload: body }),
  });
}

const json = (value: unknown) => JSON.stringify(value);

/** The one error shape: `{ code, message, field? }` and nothing else, as JSON. */
function expectErrorShape(response: LightMyRequestResponse, context = ""): void {
  const where = `${context} → ${response.statusCode} ${response.body.slice(0, 200)}`;
  expect(response.statusCode, where).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, where).toBeLessThan(500);
  expect(response.headers["content-type"], where).toMatch(/^application\/json/);
  const body = JSON.parse(response.body) as Record<string, unknown>;
  const keys = Object.keys(body).sort();
  expect(keys, where).toEqual("field" in body ? ["code", "field", "message"] : ["code", "message"]);
  expect(body.code, where).toMatch(/^[a-z][a-z_]*$/);
  expect(typeof body.message === "string" && body.message.length > 0, where).toBe(true);
  if ("field" in body) expect(typeof body.field === "string" && body.field.length > 0, where).toBe(true);
}

function expectError(response: LightMyRequestResponse, status: number, code: string, field?: string) {
  expectErrorShape(response);
  expect(response.statusCode).toBe(status);
  const body = response.json();
  expect(body.code).toBe(code);
  if (field === undefined) expect(body.field).toBeUndefined();
  else expect(body.field).toBe(field);
}

const APPOINTMENTS = "/api/appointments";
const range = (from: string, to: string) =>
  `${APPOINTMENTS}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

describe("bodies with missing fields or wrong types", () => {
  it("names the first missing field of a sign-in", async () => {
    expectError(
      await send({ method: "POST", url: "/api/auth/login", body: "{}" }),
      400,
      "invalid_request",
      "email",
    );
    expectError(
      await send({ method: "POST", url: "/api/auth/login", body: json({ email: "a@example.com" }) }),
      400,
      "invalid_request",
      "password",
    );
  });

  it("names the missing field of a sign-up", async () => {
    const body = { clinicSlug: "demo", firstName: "A", email: "a@example.com", password: "long-enough-pw" };
    expectError(
      await send({ method: "POST", url: "/api/auth/signup", body: json(body) }),
      400,
      "invalid_request",
      "lastName",
    );
  });

  it("refuses wrong types with the field that has them", async () => {
    expectError(
      await send({ method: "POST", url: "/api/auth/login", body: json({ email: 42, password: "x" }) }),
      400,
      "invalid_request",
      "email",
    );
    expectError(
      await send({
        method: "PATCH",
        url: "/api/clinic",
        body: json({ policies: { horizonDays: "60" } }),
        as: "owner",
      }),
      400,
      "invalid_request",
      "policies.horizonDays",
    );
    expectError(
      await send({ method: "PATCH", url: "/api/clinic", body: json({ name: ["Knotwork"] }), as: "owner" }),
      400,
      "invalid_request",
      "name",
    );
    expectError(
      await send({
        method: "POST",
        url: "/api/staff/invitations",
        body: json({ email: "x@example.com", name: "X", role: "admin" }),
        as: "owner",
      }),
      400,
      "invalid_request",
      "role",
    );
  });

  it.each([
    ["a JSON array", "[]"],
    ["a JSON string", '"owner@knotwork.test"'],
    ["a number", "42"],
    ["null", "null"],
    ["true", "true"],
  ])("refuses %s where an object is expected", async (_label, body) => {
    expectError(await send({ method: "POST", url: "/api/auth/login", body }), 400, "invalid_request");
  });

  it("refuses a body on a write that expects one but got none", async () => {
    expectError(await send({ method: "PATCH", url: "/api/clinic", as: "owner" }), 400, "invalid_request");
  });

  it("refuses numbers out of range, fractions and non-finite values", async () => {
    for (const policies of [
      { horizonDays: 0 },
      { horizonDays: 366 },
      { slotStepMin: 7.5 },
      { minNoticeMin: -1 },
    ]) {
      const response = await send({
        method: "PATCH",
        url: "/api/clinic",
        body: json({ policies }),
        as: "owner",
      });
      expectError(response, 400, "invalid_request", `policies.${Object.keys(policies)[0]}`);
    }
    const huge = await send({
      method: "PATCH",
      url: "/api/clinic",
      body: '{"policies":{"horizonDays":1e400}}',
      as: "owner",
    });
    expectErrorShape(huge);
    const clinic = await owner.request("GET", "/api/clinic");
    expect(clinic.json().policies.horizonDays).toBe(60);
  });
});

describe("sizes", () => {
  it("refuses a body over 1 MB with 413, signed in or not", async () => {
    const big = json({ email: "a@example.com", password: "x".repeat(1_100_000) });
    expectError(await send({ method: "POST", url: "/api/auth/login", body: big }), 413, "body_too_large");
    const bigPatch = json({ name: "x".repeat(1_100_000) });
    expectError(
      await send({ method: "PATCH", url: "/api/clinic", body: bigPatch, as: "owner" }),
      413,
      "body_too_large",
    );
  });

  it("refuses strings longer than their field allows, naming the field", async () => {
    expectError(
      await send({
        method: "PATCH",
        url: "/api/clinic",
        body: json({ name: "x".repeat(10_000) }),
        as: "owner",
      }),
      400,
      "invalid_request",
      "name",
    );
    expectError(
      await send({
        method: "POST",
        url: "/api/auth/login",
        body: json({ email: "a@example.com", password: "p".repeat(201) }),
      }),
      400,
      "invalid_request",
      "password",
    );
    expectError(
      await owner.request("GET", `/api/clients?q=${"a".repeat(50_000)}`),
      400,
      "invalid_request",
      "querystring.q",
    );
  });

  it("survives deeply nested JSON", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expectErrorShape(await send({ method: "POST", url: "/api/auth/login", body: deep }));
    const deepObject = `{"name":${'{"a":'.repeat(50_000)}1${"}".repeat(50_001)}`;
    expectErrorShape(await send({ method: "PATCH", url: "/api/clinic", body: deepObject, as: "owner" }));
  });
});

describe("prototype pollution", () => {
  it.each([
    ['{"__proto__":{"polluted":1},"email":"a@example.com","password":"x"}'],
    ['{"constructor":{"prototype":{"polluted":1}},"email":"a@example.com","password":"x"}'],
    ['{"email":"a@example.com","password":"x","nested":{"__proto__":{"polluted":1}}}'],
  ])("refuses a body with %s as invalid JSON and pollutes nothing", async (body) => {
    expectError(await send({ method: "POST", url: "/api/auth/login", body }), 400, "invalid_json");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses __proto__ inside a signed-in owner's update and leaves the clinic as it was", async () => {
    const body = '{"policies":{"__proto__":{"requireStaffTwoFactor":true}},"name":"Polluted"}';
    expectError(await send({ method: "PATCH", url: "/api/clinic", body, as: "owner" }), 400, "invalid_json");
    const clinic = (await owner.request("GET", "/api/clinic")).json();
    expect(clinic.name).toBe("Knotwork Demo Clinic");
    expect(clinic.policies.requireStaffTwoFactor).toBe(false);
  });

  it("treats __proto__ and constructor in a query string as ordinary unknown parameters", async () => {
    for (const query of [
      "__proto__[q]=Carter",
      "__proto__=1",
      "constructor[prototype][limit]=1",
      "q[__proto__]=x",
    ]) {
      const response = await owner.request("GET", `/api/clients?${query}`);
      expect(response.statusCode).toBeLessThan(500);
      if (response.statusCode >= 400) expectErrorShape(response);
    }
    expect(({} as Record<string, unknown>).q).toBeUndefined();
    expect(({} as Record<string, unknown>).limit).toBeUndefined();
  });
});

describe("dates in query strings", () => {
  it.each([
    ["garbage", "yesterday", "2026-01-02T00:00:00Z", "querystring.from"],
    ["a day that does not exist", "2026-02-30T00:00:00Z", "2026-03-02T00:00:00Z", "querystring.from"],
    ["a month that does not exist", "2026-13-01T00:00:00Z", "2027-01-02T00:00:00Z", "querystring.from"],
    ["a time that does not exist", "2026-01-01T24:30:00Z", "2026-01-02T00:00:00Z", "querystring.from"],
    ["a date without a time", "2026-01-01", "2026-01-02T00:00:00Z", "querystring.from"],
    ["a local time without an offset", "2026-01-01T00:00:00", "2026-01-02T00:00:00Z", "querystring.from"],
    ["an impossible offset", "2026-01-01T00:00:00+25:00", "2026-01-02T00:00:00Z", "querystring.from"],
    ["an end before the start", "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z", "querystring.to"],
    ["an empty range", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "querystring.to"],
    ["a range over 92 days", "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z", "querystring.to"],
  ])("refuses %s with 400 on the right parameter", async (_label, from, to, field) => {
    expectError(await owner.request("GET", range(from, to)), 400, "invalid_request", field);
  });

  it("refuses a missing or repeated parameter", async () => {
    expectError(
      await owner.request("GET", `${APPOINTMENTS}?from=2026-01-01T00:00:00Z`),
      400,
      "invalid_request",
      "querystring.to",
    );
    const repeated = await owner.request(
      "GET",
      `${APPOINTMENTS}?from=2026-01-01T00:00:00Z&from=2026-01-02T00:00:00Z&to=2026-01-03T00:00:00Z`,
    );
    expectError(repeated, 400, "invalid_request", "querystring.from");
  });

  it("refuses instants outside what the database can store with 400, not 500", async () => {
    for (const [from, to] of [
      ["0000-01-01T00:00:00Z", "0000-02-01T00:00:00Z"],
      ["9999-12-31T00:00:00-23:59", "9999-12-31T23:59:59-23:59"],
    ]) {
      const response = await owner.request("GET", range(from as string, to as string));
      expectErrorShape(response, `${from}..${to}`);
    }
  });

  it("accepts valid instants with offsets and fractions of a second", async () => {
    const response = await owner.request(
      "GET",
      range("2026-01-01T00:00:00.123456+05:30", "2026-01-31T00:00:00-07:00"),
    );
    expect(response.statusCode).toBe(200);
    expect(Array.isArray(response.json())).toBe(true);
  });
});

describe("content types", () => {
  const loginBody = json({ email: "nobody@example.com", password: "whatever" });

  it.each([
    ["text/plain", loginBody],
    ["text/plain; charset=utf-8", loginBody],
    ["application/x-www-form-urlencoded", "email=nobody%40example.com&password=whatever"],
    [
      "multipart/form-data; boundary=xyz",
      '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\na\r\n--xyz--',
    ],
    ["application/xml", "<login/>"],
    ["application/jsonx", loginBody],
  ])("refuses a %s body with 415", async (contentType, body) => {
    expectError(
      await send({ method: "POST", url: "/api/auth/login", body, contentType }),
      415,
      "unsupported_media_type",
    );
    expectError(
      await send({ method: "PATCH", url: "/api/clinic", body, contentType, as: "owner" }),
      415,
      "unsupported_media_type",
    );
  });

  it("refuses a body sent without any content type with 415", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: Buffer.from(loginBody),
      remoteAddress: freshIp(),
    });
    expectError(response, 415, "unsupported_media_type");
  });

  it("accepts JSON with a charset parameter", async () => {
    const response = await send({
      method: "POST",
      url: "/api/auth/login",
      body: loginBody,
      contentType: "application/json; charset=utf-8",
    });
    expectError(response, 401, "invalid_credentials");
  });
});

describe("malformed JSON", () => {
  it.each([
    ["{"],
    ["{'email':'a'}"],
    ['{"email":"a",}'],
    ["[1,]"],
    ["undefined"],
    ["NaN"],
    ['{"a":1}{"b":2}'],
    ["\uFEFF{}x"],
  ])("answers %j with 400 invalid_json", async (body) => {
    expectError(await send({ method: "POST", url: "/api/auth/login", body }), 400, "invalid_json");
  });

  it("answers an empty JSON body with 400", async () => {
    expectError(await send({ method: "POST", url: "/api/auth/login", body: "" }), 400, "invalid_body");
  });

  it("answers invalid UTF-8 with a 4xx", async () => {
    const body = Buffer.concat([
      Buffer.from('{"email":"'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('","password":"x"}'),
    ]);
    expectErrorShape(await send({ method: "POST", url: "/api/auth/login", body }));
  });
});

describe("ids and other path parameters", () => {
  it.each([
    ["not-a-uuid"],
    ["1"],
    ["' OR 1=1 --"],
    ["00000000-0000-0000-0000-00000000000g"],
    ["{id}"],
    ["%00"],
    ["..%2F..%2Fetc%2Fpasswd"],
  ])("refuses the id %j with 400 on params.id", async (id) => {
    const response = await owner.request("GET", `/api/clients/${encodeURIComponent(id)}`);
    expectError(response, 400, "invalid_request", "params.id");
  });

  it("answers a well-formed id that does not exist with 404", async () => {
    expectError(
      await owner.request("GET", "/api/clients/5b0d6a8e-1c2f-4e3a-9b7c-0d1e2f3a4b5c"),
      404,
      "not_found",
    );
  });

  it("answers a URL with broken percent-encoding with 400 in the error shape, without echoing it", async () => {
    for (const url of ["/api/clients/%zz", "/api/public/clinics/%E0%A4%A", "/api/clients/%"]) {
      const response = await owner.request("GET", url);
      expectError(response, 400, "invalid_url");
      expect(response.body).not.toContain("%");
    }
  });

  it("answers unknown routes and methods with 404 in the error shape", async () => {
    expectError(await owner.request("GET", "/api/no-such-thing"), 404, "not_found");
    expectError(await owner.request("DELETE", "/api/clinic"), 404, "not_found");
    expectError(await send({ method: "PUT", url: "/api/clinic", body: "{}", as: "owner" }), 404, "not_found");
  });
});

describe("text the database cannot store", () => {
  it("answers NUL characters in queries, bodies and paths with 400, not 500", async () => {
    expectErrorShape(await owner.request("GET", "/api/clients?q=a%00b"));
    expectErrorShape(
      await send({ method: "PATCH", url: "/api/clinic", body: json({ name: "a\u0000b" }), as: "owner" }),
    );
    expectErrorShape(await send({ method: "GET", url: "/api/public/clinics/de%00mo" }));
    const signup = json({
      clinicSlug: "demo",
      firstName: "Nul\u0000",
      lastName: "Byte",
      email: "nul@example.com",
      password: "long-enough-pw",
    });
    expectErrorShape(await send({ method: "POST", url: "/api/auth/signup", body: signup }));
    expect((await owner.request("GET", "/api/clinic")).json().name).toBe("Knotwork Demo Clinic");
  });

  it("stores and returns other unusual text unchanged", async () => {
    const name = "Knotwork 🌿 Clinique d'été — \u202Eevil\u202C <script>";
    const response = await send({ method: "PATCH", url: "/api/clinic", body: json({ name }), as: "owner" });
    expect(response.statusCode).toBe(200);
    expect(response.json().name).toBe(name);
    await send({
      method: "PATCH",
      url: "/api/clinic",
      body: json({ name: "Knotwork Demo Clinic" }),
      as: "owner",
    });
  });
});

describe("query numbers", () => {
  it.each([["limit=0"], ["limit=201"], ["limit=abc"], ["limit=1.5"], ["limit=1e400"], ["limit=-1"]])(
    "refuses %s on the clients search with 400",
    async (query) => {
      expectError(
        await owner.request("GET", `/api/clients?${query}`),
        400,
        "invalid_request",
        "querystring.limit",
      );
    },
  );

  it.each([["before=0"], ["before=-5"], ["before=99999999999999999999"], ["before=x"]])(
    "refuses %s on the audit log with 400",
    async (query) => {
      expectError(
        await owner.request("GET", `/api/audit?${query}`),
        400,
        "invalid_request",
        "querystring.before",
      );
    },
  );
});

describe("the fuzzer", () => {
  const HOSTILE_KEYS = [
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "valueOf",
    "hasOwnProperty",
    "then",
  ];
  const hostileString = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ maxLength: 300 }),
    fc.constantFrom(
      "",
      " ",
      "\u0000",
      "demo",
      "owner",
      "client",
      "' OR 1=1 --",
      "%",
      "\\",
      "null",
      "💥".repeat(50),
    ),
    // Ordinary text with one character that is awkward somewhere along the way.
    fc
      .tuple(
        fc.string({ maxLength: 10 }),
        fc.constantFrom("\u0000", "\uD800", "\uFFFF", "\u202E", "\r\n", '"'),
      )
      .map(([text, odd]) => `${text}${odd}${text}`),
    fc.emailAddress(),
    fc.uuid(),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  );
  const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
    { arbitrary: hostileString, weight: 5 },
    { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)), weight: 2 },
    { arbitrary: fc.array(hostileString, { maxLength: 3 }), weight: 1 },
    {
      arbitrary: fc.dictionary(fc.constantFrom(...HOSTILE_KEYS, "a"), hostileString, { maxKeys: 3 }),
      weight: 1,
    },
  );

  /** Raw bodies: arbitrary JSON, arbitrary values, hostile-keyed objects, plain garbage. */
  const rawBody = fc.oneof(
    fc.json({ maxDepth: 3 }),
    fc.anything({ maxDepth: 3 }).map((v) => {
      try {
        return JSON.stringify(v) ?? "null";
      } catch {
        return "null";
      }
    }),
    fc
      .object({ key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })), maxDepth: 2 })
      .map((o) => JSON.stringify(o)),
    fc.string({ unit: "binary", maxLength: 200 }),
  );

  /** Bodies shaped like the operation's own: its field names with hostile values, plus extra keys. */
  const shapedBody = (keys: string[]) =>
    fc
      .tuple(
        fc.oneof(
          fc.subarray(keys),
          fc.constantFrom(...keys).map((k) => [k]),
        ),
        fc.array(hostileValue, { minLength: keys.length, maxLength: keys.length }),
        fc.dictionary(fc.constantFrom(...HOSTILE_KEYS, "extra"), hostileValue, { maxKeys: 2 }),
      )
      .map(([chosen, values, extra]) => {
        const body: Record<string, unknown> = { ...extra };
        chosen.forEach((k, i) => {
          body[k] = values[i];
        });
        return JSON.stringify(body);
      });

  const contentType = fc.oneof(
    { arbitrary: fc.constant("application/json"), weight: 12 },
    {
      arbitrary: fc.constantFrom(
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=latin1",
        "application/json; charset=utf-16",
        "application/merge-patch+json",
        "",
        ";",
      ),
      weight: 1,
    },
  );

  let requests = 0;
  function check(response: LightMyRequestResponse, context: string): void {
    requests++;
    if (response.statusCode >= 500) {
      throw new Error(`${context} → ${response.statusCode} ${response.body}`);
    }
    if (response.statusCode >= 400) expectErrorShape(response, context);
  }

  it("never answers a write with 5xx, whatever the body, signed in as owner or not", async () => {
    const writes = operations.filter((op) => op.method !== "GET" && !op.path.includes("{"));
    expect(writes.length).toBeGreaterThanOrEqual(7);
    for (const op of writes) {
      for (const as of ["anonymous", "owner"] as const) {
        // Signing the owner out would only test the 401 path for the rest of the run.
        if (as === "owner" && op.path === "/api/auth/logout") continue;
        const body = op.bodyKeys.length
          ? fc.oneof({ arbitrary: rawBody, weight: 1 }, { arbitrary: shapedBody(op.bodyKeys), weight: 2 })
          : rawBody;
        await fc.assert(
          fc.asyncProperty(body, contentType, async (payload, type) => {
            const response = await send({
              method: op.method,
              url: op.path,
              body: payload,
              contentType: type,
              as,
            });
            check(response, `${as} ${op.method} ${op.path} ${type} ${payload.slice(0, 120)}`);
          }),
          { numRuns: 160 },
        );
      }
    }
    // Thousands of requests, growing with every operation added: minutes on a busy machine.
  }, 600_000);

  it("never answers a read with 5xx, whatever the query string or path parameter", async () => {
    const reads = operations.filter((op) => op.method === "GET");
    const queryValue = fc.oneof(
      hostileString,
      fc.integer().map(String),
      fc.double().map(String),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    );
    for (const op of reads) {
      const query = fc.dictionary(
        fc.constantFrom(...op.queryKeys, "__proto__", "constructor", "x"),
        queryValue,
        {
          maxKeys: 3,
        },
      );
      const pathValue = fc.oneof(hostileString, fc.uuid());
      await fc.assert(
        fc.asyncProperty(query, pathValue, async (params, pathParam) => {
          const search = new URLSearchParams(params as Record<string, string>).toString();
          // Byte-wise percent-encoding: works for lone surrogates too, where encodeURIComponent throws.
          const encoded = [...Buffer.from(pathParam)]
            .map((b) => `%${b.toString(16).padStart(2, "0")}`)
            .join("");
          const url = `${op.path.replace(/\{[^}]+\}/g, encoded || "x")}?${search}`;
          const response = await send({ method: "GET", url, as: "owner" });
          check(response, `GET ${url}`);
        }),
        { numRuns: op.queryKeys.length || op.path.includes("{") ? 100 : 15 },
      );
    }
  }, 600_000);

  it("leaves the process up and the owner's session working after the storm", async () => {
    expect(requests).toBeGreaterThanOrEqual(2000);
    const health = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe("ok");
    const clinic = await owner.request("GET", "/api/clinic");
    expect(clinic.statusCode).toBe(200);
    const polluted = ["polluted", "email", "password", "name", "extra", "a", "x"].filter(
      (key) => key in ({} as Record<string, unknown>),
    );
    expect(polluted).toEqual([]);
  });
});
