import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boise, type DemoIds, openDemoWorld, workday } from "../appointments/test-helpers";
import type { Agent, TestApp } from "../testing/harness";

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

async function slots(serviceId: string, date: string, therapistId?: string) {
  const query = new URLSearchParams({
    serviceId,
    from: date,
    to: date,
    ...(therapistId ? { therapistId } : {}),
  });
  const response = await t.app.inject({
    method: "GET",
    url: `/api/public/clinics/demo/availability?${query}`,
  });
  return response;
}
const starts = async (serviceId: string, date: string, therapistId?: string) =>
  (await slots(serviceId, date, therapistId)).json().slots.map((s: { start: string }) => s.start) as string[];

describe("services", () => {
  it("lets the owner add a service that is then offered, change it, and archive it", async () => {
    const created = await owner.request("POST", "/api/clinic/services", {
      kind: "session",
      name: "Jaw and head, 45 min",
      durationMin: 45,
      bufferAfterMin: 15,
      priceCents: 7000,
      bookingMode: "instant",
      needsRoom: false,
    });
    expect(created.statusCode, created.body).toBe(201);
    const service = created.json();
    expect(service).toMatchObject({
      active: true,
      bookableOnline: true,
      currency: "USD",
      bufferBeforeMin: 0,
    });
    const profile = (await t.app.inject({ method: "GET", url: "/api/public/clinics/demo" })).json();
    expect(profile.services.map((s: { id: string }) => s.id)).toContain(service.id);
    const day = workday(2);
    expect(await starts(service.id, day, ids.marcus)).toContain(boise(day, "09:00"));
    // 45 + 15 minutes must end by the 12:00 lunch break: 11:00 is the last morning start.
    expect(await starts(service.id, day, ids.marcus)).toContain(boise(day, "11:00"));
    expect(await starts(service.id, day, ids.marcus)).not.toContain(boise(day, "11:15"));

    const changed = await owner.request("PATCH", `/api/clinic/services/${service.id}`, { durationMin: 60 });
    expect(changed.json()).toMatchObject({ durationMin: 60, name: "Jaw and head, 45 min" });
    expect(await starts(service.id, day, ids.marcus)).not.toContain(boise(day, "11:00"));

    const archived = await owner.request("DELETE", `/api/clinic/services/${service.id}`);
    expect(archived.json().active).toBe(false);
    expect((await slots(service.id, day)).json().code).toBe("unknown_service");
    expect(
      (await owner.request("GET", "/api/clinic/services/archived")).json().map((s: { id: string }) => s.id),
    ).toEqual([service.id]);
    const restored = await owner.request("PATCH", `/api/clinic/services/${service.id}`, { active: true });
    expect(restored.json().active).toBe(true);
  });

  it("keeps service changes to the owner and the clinic", async () => {
    expect(
      (await desk.request("POST", "/api/clinic/services", { kind: "session", name: "X", durationMin: 30 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await marcus.request("PATCH", `/api/clinic/services/${ids.session30}`, { name: "Y" })).statusCode,
    ).toBe(403);
    expect((await desk.request("GET", `/api/clinic/services/${ids.session30}`)).statusCode).toBe(200);
    expect(
      (await otherOwner.request("PATCH", `/api/clinic/services/${ids.session30}`, { name: "Mine" }))
        .statusCode,
    ).toBe(404);
    expect((await otherOwner.request("DELETE", `/api/clinic/services/${ids.session30}`)).statusCode).toBe(
      404,
    );
    expect((await otherOwner.request("GET", `/api/clinic/services/${ids.session30}`)).statusCode).toBe(404);
  });

  it.each([
    [{ kind: "session", name: "Short", durationMin: 3 }, "durationMin"],
    [{ kind: "session", name: "", durationMin: 30 }, "name"],
    [{ kind: "massage", name: "X", durationMin: 30 }, "kind"],
    [{ kind: "session", name: "X", durationMin: 30, bufferAfterMin: -5 }, "bufferAfterMin"],
    [{ kind: "session", name: "X", durationMin: 30, bookingMode: "maybe" }, "bookingMode"],
    [{ kind: "session", name: "X", durationMin: 30, currency: "dollars" }, "currency"],
  ])("refuses the service %j with 400 naming %s", async (body, field) => {
    const response = await owner.request("POST", "/api/clinic/services", body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "invalid_request", field });
  });
});

describe("rooms", () => {
  it("lets the owner add a room, which lets a third session run at once, and archive it again", async () => {
    const day = workday(3);
    const at = boise(day, "15:00");
    const freeTherapists = async () =>
      (await slots(ids.session30, day)).json().slots.find((s: { start: string }) => s.start === at)
        ?.therapistIds ?? [];
    // Two bookings fill both rooms at 15:00 although a third therapist is free.
    for (const therapistId of [ids.marcus, ids.priya]) {
      const r = await jordan.request("POST", "/api/public/clinics/demo/appointments", {
        serviceId: ids.session30,
        therapistId,
        start: at,
      });
      expect(r.statusCode).toBe(201);
    }
    expect(await freeTherapists()).toEqual([]);
    const room = await owner.request("POST", "/api/clinic/rooms", { name: "Willow room" });
    expect(room.statusCode).toBe(201);
    expect(await freeTherapists()).toEqual([ids.sam]);
    const archived = await owner.request("DELETE", `/api/clinic/rooms/${room.json().id}`);
    expect(archived.json()).toMatchObject({ active: false });
    expect(await freeTherapists()).toEqual([]);
    expect((await owner.request("GET", "/api/clinic/rooms/archived")).json()).toEqual([
      { id: room.json().id, name: "Willow room", active: false },
    ]);
    const renamed = await owner.request("PATCH", `/api/clinic/rooms/${room.json().id}`, {
      name: "Birch room",
    });
    expect(renamed.json().name).toBe("Birch room");
    expect((await desk.request("POST", "/api/clinic/rooms", { name: "Desk room" })).statusCode).toBe(403);
    expect(
      (await otherOwner.request("PATCH", `/api/clinic/rooms/${ids.cedar}`, { active: false })).statusCode,
    ).toBe(404);
  });
});

describe("weekly hours", () => {
  it("replaces a therapist's whole week, and availability follows", async () => {
    const path = `/api/clinic/therapists/${ids.sam}/hours`;
    const before = (await desk.request("GET", path)).json();
    expect(before.hours).toContainEqual({ weekday: 6, start: "09:00", end: "13:00" });
    expect(before.breaks).toContainEqual({ weekday: 1, start: "12:00", end: "13:00" });
    const week = {
      hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "13:00", end: "21:00" })),
      breaks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "17:00", end: "17:30" })),
    };
    const put = await owner.request("PUT", path, week);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual(week);
    const day = workday(4);
    const offered = await starts(ids.session30, day, ids.sam);
    expect(offered[0]).toBe(boise(day, "13:00"));
    expect(offered).toContain(boise(day, "20:15"));
    expect(offered).not.toContain(boise(day, "17:00"));
    expect(offered).not.toContain(boise(day, "09:00"));
  });

  it("refuses overlapping intervals, bad times and non-owners, and another clinic's therapist", async () => {
    const path = `/api/clinic/therapists/${ids.sam}/hours`;
    const overlapping = await owner.request("PUT", path, {
      hours: [
        { weekday: 1, start: "09:00", end: "13:00" },
        { weekday: 1, start: "12:00", end: "17:00" },
      ],
      breaks: [],
    });
    expect(overlapping.json()).toMatchObject({ code: "invalid_request", field: "hours[1]" });
    const backwards = await owner.request("PUT", path, {
      hours: [{ weekday: 1, start: "17:00", end: "09:00" }],
      breaks: [],
    });
    expect(backwards.json()).toMatchObject({ code: "invalid_request", field: "hours[0].end" });
    const badDay = await owner.request("PUT", path, {
      hours: [{ weekday: 7, start: "09:00", end: "17:00" }],
      breaks: [],
    });
    expect(badDay.json()).toMatchObject({ field: "hours[0].weekday" });
    const badTime = await owner.request("PUT", path, {
      hours: [{ weekday: 1, start: "9am", end: "17:00" }],
      breaks: [],
    });
    expect(badTime.json()).toMatchObject({ field: "hours[0].start" });
    expect((await desk.request("PUT", path, { hours: [], breaks: [] })).statusCode).toBe(403);
    expect((await otherOwner.request("PUT", path, { hours: [], breaks: [] })).statusCode).toBe(404);
    expect((await otherOwner.request("GET", path)).statusCode).toBe(404);
  });
});

describe("date overrides and time off", () => {
  it("closes a day or sets its own hours with an override, and reopens it when removed", async () => {
    const day = workday(5);
    const path = `/api/clinic/therapists/${ids.priya}/overrides/${day}`;
    const normal = await starts(ids.session60, day, ids.priya);
    expect(normal.length).toBeGreaterThan(0);
    const closed = await owner.request("PUT", path, { intervals: [], note: "Conference" });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await starts(ids.session60, day, ids.priya)).toEqual([]);
    const evening = await owner.request("PUT", path, { intervals: [{ start: "16:00", end: "20:00" }] });
    expect(evening.json()).toEqual({ date: day, intervals: [{ start: "16:00", end: "20:00" }], note: null });
    const offered = await starts(ids.session60, day, ids.priya);
    expect(offered[0]).toBe(boise(day, "16:00"));
    // The weekly lunch break does not apply on an override day.
    expect(offered.at(-1)).toBe(boise(day, "18:45"));
    const listed = await desk.request(
      "GET",
      `/api/clinic/therapists/${ids.priya}/overrides?from=${day}&to=${day}`,
    );
    expect(listed.json()).toHaveLength(1);
    expect((await owner.request("DELETE", path)).statusCode).toBe(200);
    expect(await starts(ids.session60, day, ids.priya)).toEqual(normal);
    expect((await owner.request("DELETE", path)).statusCode).toBe(404);
    expect(
      (
        await owner.request("PUT", `/api/clinic/therapists/${ids.priya}/overrides/2030-02-30`, {
          intervals: [],
        })
      ).statusCode,
    ).toBe(400);
  });

  it("takes time off out of availability and puts it back when removed", async () => {
    const day = workday(6);
    const path = `/api/clinic/therapists/${ids.marcus}/time-off`;
    const added = await owner.request("POST", path, {
      startsAt: boise(day, "00:00"),
      endsAt: boise(day, "12:00"),
      reason: "Dentist",
    });
    expect(added.statusCode, added.body).toBe(201);
    const offered = await starts(ids.session30, day, ids.marcus);
    expect(offered[0]).toBe(boise(day, "13:00"));
    const listed = await desk.request("GET", `${path}?from=${boise(day, "00:00")}&to=${boise(day, "23:00")}`);
    expect(listed.json()).toEqual([
      { id: added.json().id, startsAt: boise(day, "00:00"), endsAt: boise(day, "12:00"), reason: "Dentist" },
    ]);
    expect((await otherOwner.request("DELETE", `${path}/${added.json().id}`)).statusCode).toBe(404);
    expect((await owner.request("DELETE", `${path}/${added.json().id}`)).statusCode).toBe(200);
    expect((await starts(ids.session30, day, ids.marcus))[0]).toBe(boise(day, "09:00"));
    const backwards = await owner.request("POST", path, {
      startsAt: boise(day, "12:00"),
      endsAt: boise(day, "10:00"),
    });
    expect(backwards.json()).toMatchObject({ code: "invalid_request", field: "endsAt" });
  });
});
