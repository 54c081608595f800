/**
 * The clinic profile (docs/decisions/0025-clinic-profile.md): the owner edits it, a therapist their
 * own bio, and the public page shows it without anything private.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoIds, openDemoWorld } from "../appointments/test-helpers";
import { clinics, therapists } from "../db/schema";
import type { Agent, TestApp } from "../testing/harness";
import { sniffImageType } from "./logo";

let t: TestApp;
let ids: DemoIds;
let owner: Agent;
let desk: Agent;
let marcus: Agent;
let jordan: Agent;
let otherOwner: Agent;

beforeAll(async () => {
  ({ t, ids, owner, desk, marcus, jordan, otherOwner } = await openDemoWorld());
});
afterAll(() => t.close());

const publicProfile = async (slug = "demo") =>
  (await t.app.inject({ method: "GET", url: `/api/public/clinics/${slug}` })).json();

// The smallest valid PNG (1×1, transparent), and the same bytes under other names.
const PNG_BYTES = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString("base64")}`;

describe("clinic profile (owner)", () => {
  it("saves name, contact, time zone and the public texts, and the public page shows them", async () => {
    const saved = await owner.request("PATCH", "/api/clinic", {
      name: "Boise Trigger Point Clinic",
      address: "410 W Main St\nBoise, ID 83702",
      phone: "+1 208 555 0100",
      email: "front@knotwork.test",
      timeZone: "America/Denver",
      description: "Hands-on trigger point therapy.",
      firstVisitInfo: "Bring loose clothes.",
      cancellationPolicy: "Cancel 24 hours ahead.",
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ name: "Boise Trigger Point Clinic", timeZone: "America/Denver" });
    const profile = await publicProfile();
    expect(profile).toMatchObject({
      name: "Boise Trigger Point Clinic",
      address: "410 W Main St\nBoise, ID 83702",
      phone: "+1 208 555 0100",
      description: "Hands-on trigger point therapy.",
      firstVisitInfo: "Bring loose clothes.",
      cancellationPolicy: "Cancel 24 hours ahead.",
    });
  });

  it("refuses a time zone that is not an IANA zone, naming the field", async () => {
    for (const timeZone of ["Mars/Olympus", "GMT+25", "", "Europe/Berlin; DROP TABLE"]) {
      const response = await owner.request("PATCH", "/api/clinic", { timeZone });
      expect(response.statusCode, timeZone).toBe(400);
      expect(response.json()).toMatchObject({ field: "timeZone" });
    }
    expect((await owner.request("GET", "/api/clinic")).json().timeZone).toBe("America/Denver");
  });

  it("refuses bad input with a field error: empty name, bad phone, bad e-mail, text too long", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "" }, "name"],
      [{ phone: "call me maybe" }, "phone"],
      [{ email: "not-an-address" }, "email"],
      [{ description: "x".repeat(601) }, "description"],
      [{ firstVisitInfo: "x".repeat(1001) }, "firstVisitInfo"],
      [{ cancellationPolicy: "bad\u0000text" }, "cancellationPolicy"],
    ];
    for (const [body, field] of cases) {
      const response = await owner.request("PATCH", "/api/clinic", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json()).toMatchObject({ field });
    }
  });

  it("is the owner's only: a therapist, the front desk and a client get 403", async () => {
    for (const agent of [marcus, desk, jordan]) {
      expect((await agent.request("PATCH", "/api/clinic", { description: "Mine now" })).statusCode).toBe(403);
      expect(
        (await agent.request("PUT", "/api/clinic/logo", { dataUrl: dataUrl("image/png", PNG_BYTES) }))
          .statusCode,
      ).toBe(403);
    }
    expect((await publicProfile()).description).not.toBe("Mine now");
  });

  it("another clinic's owner edits their own clinic, never this one", async () => {
    const response = await otherOwner.request("PATCH", "/api/clinic", { description: "Other clinic" });
    expect(response.statusCode).toBe(200);
    expect((await publicProfile("other")).description).toBe("Other clinic");
    expect((await publicProfile()).description).toBe("Hands-on trigger point therapy.");
  });
});

describe("logo", () => {
  it("stores a PNG and serves it with its content type and a versioned URL", async () => {
    const saved = await owner.request("PUT", "/api/clinic/logo", {
      dataUrl: dataUrl("image/png", PNG_BYTES),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const logoUrl = saved.json().logoUrl as string;
    expect(logoUrl).toMatch(/^\/api\/public\/clinics\/demo\/logo\?v=/);
    expect((await publicProfile()).logoUrl).toBe(logoUrl);
    const image = await t.app.inject({ method: "GET", url: logoUrl });
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toBe("image/png");
    expect(image.headers["x-content-type-options"]).toBe("nosniff");
    expect(image.rawPayload.equals(PNG_BYTES)).toBe(true);
  });

  it("refuses bytes that are not what the data URL says, SVG, and images over 200 KB", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const big = Buffer.concat([PNG_BYTES, Buffer.alloc(201 * 1024)]);
    const cases = [
      dataUrl("image/jpeg", PNG_BYTES),
      dataUrl("image/png", svg),
      dataUrl("image/svg+xml", svg),
      dataUrl("image/png", big),
      "data:image/png;base64,",
    ];
    for (const body of cases) {
      const response = await owner.request("PUT", "/api/clinic/logo", { dataUrl: body });
      expect(response.statusCode, body.slice(0, 40)).toBe(400);
      expect(response.json()).toMatchObject({ field: "dataUrl" });
    }
    // The earlier PNG is still the logo.
    const image = await t.app.inject({ method: "GET", url: (await publicProfile()).logoUrl });
    expect(image.headers["content-type"]).toBe("image/png");
  });

  it("is removed by the owner, after which the address answers 404", async () => {
    const url = (await publicProfile()).logoUrl as string;
    const removed = await owner.request("DELETE", "/api/clinic/logo");
    expect(removed.json().logoUrl).toBeNull();
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(404);
  });

  it("knows the signatures it accepts", () => {
    expect(sniffImageType(PNG_BYTES)).toBe("image/png");
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImageType(Buffer.from("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).toBe("image/webp");
    expect(sniffImageType(Buffer.from("GIF89a"))).toBeNull();
  });
});

describe("therapist bios", () => {
  const bio = (agent: Agent, therapistId: string, text: string) =>
    agent.request("PUT", `/api/staff/therapists/${therapistId}/bio`, { bio: text });

  it("tells a therapist which row is theirs, and the front desk that they have none", async () => {
    const mine = await marcus.request("GET", "/api/staff/therapists/me");
    expect(mine.statusCode).toBe(200);
    expect(mine.json().id).toBe(ids.marcus);
    expect((await desk.request("GET", "/api/staff/therapists/me")).statusCode).toBe(403);
    expect((await owner.request("GET", "/api/staff/therapists/me")).statusCode).toBe(404);
  });

  it("lets a therapist edit their own bio, which the public page shows", async () => {
    const response = await bio(marcus, ids.marcus, "Jaw and neck pain.");
    expect(response.statusCode, response.body).toBe(200);
    const listed = (await publicProfile()).therapists.find((x: { id: string }) => x.id === ids.marcus);
    expect(listed.bio).toBe("Jaw and neck pain.");
  });

  it("refuses a therapist editing a colleague's bio (403), and the front desk and clients (403)", async () => {
    expect((await bio(marcus, ids.priya, "Not mine")).statusCode).toBe(403);
    expect((await bio(desk, ids.priya, "Not mine")).statusCode).toBe(403);
    expect((await bio(jordan, ids.priya, "Not mine")).statusCode).toBe(403);
    const [priya] = await t.database.db.select().from(therapists).where(eq(therapists.id, ids.priya));
    expect(priya?.bio).not.toBe("Not mine");
  });

  it("lets the owner edit any of the clinic's bios, but another clinic's owner gets 404", async () => {
    expect((await bio(owner, ids.priya, "Shoulders and arms.")).statusCode).toBe(200);
    expect((await bio(otherOwner, ids.priya, "Taken over")).statusCode).toBe(404);
    const [priya] = await t.database.db.select().from(therapists).where(eq(therapists.id, ids.priya));
    expect(priya?.bio).toBe("Shoulders and arms.");
  });

  it("refuses a bio over 500 characters with a field error", async () => {
    const response = await bio(owner, ids.priya, "x".repeat(501));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: "bio" });
  });
});

describe("public clinic endpoint", () => {
  it("answers without a sign-in, with opening hours from working hours", async () => {
    const profile = await publicProfile();
    expect(profile.openingHours.length).toBeGreaterThan(0);
    // The demo's standard week: Monday 09:00 onwards.
    const monday = profile.openingHours.find((d: { weekday: number }) => d.weekday === 1);
    expect(monday.intervals[0].start).toBe("09:00");
    expect(profile.services.every((s: { bookableOnline: boolean }) => s.bookableOnline)).toBe(true);
  });

  it("holds nothing private: no ids of the clinic, no staff e-mails, no internal policies", async () => {
    const profile = await publicProfile();
    const text = JSON.stringify(profile);
    const [clinic] = await t.database.db.select().from(clinics).where(eq(clinics.slug, "demo"));
    expect(text).not.toContain(clinic?.id);
    for (const staffEmail of ["owner@knotwork.test", "therapist@knotwork.test", "desk@knotwork.test"])
      expect(text).not.toContain(staffEmail);
    expect(Object.keys(profile.policies).sort()).toEqual(
      ["cancellationWindowHours", "horizonDays", "minNoticeMin", "requestExpiryHours", "slotStepMin"].sort(),
    );
    expect(Object.keys(profile.therapists[0]).sort()).toEqual(["bio", "displayName", "id"]);
    expect(text).not.toMatch(/feedToken|retentionYears|requireStaffTwoFactor|userId/);
  });

  it("answers 404 for an unknown clinic and its logo", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/public/clinics/nowhere" })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: "/api/public/clinics/nowhere/logo" })).statusCode).toBe(
      404,
    );
  });
});
