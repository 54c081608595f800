import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boise, type DemoIds, openDemoWorld, workday } from "../appointments/test-helpers";
import type { Agent, TestApp } from "../testing/harness";

let t: TestApp;
let ids: DemoIds;
let owner: Agent;
let desk: Agent;
let otherOwner: Agent;

beforeAll(async () => {
  ({ t, ids, owner, desk, otherOwner } = await openDemoWorld());
});
afterAll(() => t.close());

describe("room names", () => {
  it("refuses a second room with the same name, whatever its case", async () => {
    const response = await owner.request("POST", "/api/clinic/rooms", { name: "  cedar ROOM " });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: "room_name_taken", field: "name" });
    expect(response.json().message).toContain("There is already a room called");
    const names = (await owner.request("GET", "/api/clinic/rooms"))
      .json()
      .map((r: { name: string }) => r.name);
    expect(names.filter((n: string) => n.toLowerCase() === "cedar room")).toHaveLength(1);
  });

  it("refuses renaming a room to another room's name, but lets a room change its own case", async () => {
    const taken = await owner.request("PATCH", `/api/clinic/rooms/${ids.sage}`, { name: "Cedar Room" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: "room_name_taken", field: "name" });
    const recased = await owner.request("PATCH", `/api/clinic/rooms/${ids.sage}`, { name: "SAGE room" });
    expect(recased.statusCode).toBe(200);
    expect(recased.json().name).toBe("SAGE room");
    await owner.request("PATCH", `/api/clinic/rooms/${ids.sage}`, { name: "Sage room" });
  });

  it("counts archived rooms, and says so, since they can be restored", async () => {
    const added = await owner.request("POST", "/api/clinic/rooms", { name: "Willow room" });
    expect(added.statusCode).toBe(201);
    await owner.request("DELETE", `/api/clinic/rooms/${added.json().id}`);
    const again = await owner.request("POST", "/api/clinic/rooms", { name: "willow room" });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain("archived");
  });

  it("leaves other clinics free to use the same name", async () => {
    const response = await otherOwner.request("POST", "/api/clinic/rooms", { name: "Cedar room" });
    expect(response.statusCode).toBe(201);
  });
});

describe("what is booked in a room", () => {
  it("lists the requested and confirmed appointments still to come, soonest first", async () => {
    const room = (await owner.request("POST", "/api/clinic/rooms", { name: "Birch room" })).json();
    const empty = await owner.request("GET", `/api/clinic/rooms/${room.id}/upcoming`);
    expect(empty.json()).toEqual({ count: 0, appointments: [] });

    const day = workday(4);
    const book = (start: string) =>
      desk.request("POST", "/api/appointments", {
        clientId: ids.jordan,
        serviceId: ids.session30,
        therapistId: ids.sam,
        roomId: room.id,
        start,
      });
    const later = await book(boise(day, "15:00"));
    const sooner = await book(boise(day, "10:00"));
    expect([later.statusCode, sooner.statusCode], later.body + sooner.body).toEqual([201, 201]);
    const cancelled = await book(boise(day, "11:00"));
    await desk.request("POST", `/api/appointments/${cancelled.json().id}/cancel`, { reason: "Client ill" });

    const upcoming = await owner.request("GET", `/api/clinic/rooms/${room.id}/upcoming`);
    expect(upcoming.statusCode).toBe(200);
    expect(upcoming.json().count).toBe(2);
    expect(upcoming.json().appointments.map((a: { id: string }) => a.id)).toEqual([
      sooner.json().id,
      later.json().id,
    ]);
    expect(upcoming.json().appointments[0]).toMatchObject({
      startsAt: boise(day, "10:00"),
      therapistName: "Sam Okafor",
      serviceName: expect.stringContaining("30 min"),
      clientName: expect.any(String),
    });
  });

  it("is for the clinic's owner only", async () => {
    expect((await desk.request("GET", `/api/clinic/rooms/${ids.cedar}/upcoming`)).statusCode).toBe(403);
    expect((await otherOwner.request("GET", `/api/clinic/rooms/${ids.cedar}/upcoming`)).statusCode).toBe(404);
  });
});
