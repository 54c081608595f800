/** GET /api/me/first-visit tells the booking page what an online booking will become. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Agent, TestApp } from "../testing/harness";
import { boise, type DemoIds, newClient, openDemoWorld, workday } from "./test-helpers";

let t: TestApp;
let ids: DemoIds;
let jordan: Agent;
let desk: Agent;

beforeAll(async () => {
  ({ t, ids, jordan, desk } = await openDemoWorld());
});
afterAll(() => t.close());

describe("first visit or returning", () => {
  it("says a new client's booking is a first visit, and the booking agrees: an instant service becomes a request", async () => {
    const fresh = await newClient(t.app);
    expect((await fresh.request("GET", "/api/me/first-visit")).json()).toEqual({ firstVisit: true });
    const booked = await fresh.request("POST", "/api/public/clinics/demo/appointments", {
      serviceId: ids.session60,
      start: boise(workday(12), "14:00"),
    });
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({ status: "requested", firstVisit: true });
  });

  it("says a returning client's booking is not a first visit", async () => {
    expect((await jordan.request("GET", "/api/me/first-visit")).json()).toEqual({ firstVisit: false });
  });

  it("is for clients only", async () => {
    expect((await desk.request("GET", "/api/me/first-visit")).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/me/first-visit" })).statusCode).toBe(401);
  });
});
