import { describe, expect, it } from "vitest";
import { FinderRequestSchema, FinderResponseSchema } from "./contract";
import { rankMuscles } from "./rank";

describe("the finder API contract", () => {
  it("accepts the request shape of docs/product.md F3", () => {
    const body = { regions: [{ id: "temple-left", intensity: 6 }] };
    expect(FinderRequestSchema.parse(body)).toEqual(body);
  });

  it("describes real rankings: every result of rankMuscles fits the response schema", () => {
    const marks = [
      { id: "temple-left", intensity: 6 },
      { id: "neck-posterior-left", intensity: 4 },
      { id: "sacrum", intensity: 3 },
    ];
    const response = { results: rankMuscles(marks, { limit: Number.POSITIVE_INFINITY }) };
    expect(FinderResponseSchema.parse(response)).toEqual(response);
  });

  it("refuses a result naming a muscle outside the atlas or a score above 1", () => {
    const result = {
      muscle: "upper-trapezius",
      side: "left",
      score: 0.83,
      explains: { essential: ["temple-left"], spillover: [] },
      unexplained: [],
    };
    expect(FinderResponseSchema.safeParse({ results: [result] }).success).toBe(true);
    expect(FinderResponseSchema.safeParse({ results: [{ ...result, muscle: "heart" }] }).success).toBe(false);
    expect(FinderResponseSchema.safeParse({ results: [{ ...result, score: 1.2 }] }).success).toBe(false);
    expect(FinderResponseSchema.safeParse({ results: [{ ...result, side: "middle" }] }).success).toBe(false);
  });

  it("can be turned into JSON Schema for the OpenAPI document", async () => {
    const { z } = await import("zod");
    expect(() => z.toJSONSchema(FinderRequestSchema, { io: "input" })).not.toThrow();
    expect(() => z.toJSONSchema(FinderResponseSchema)).not.toThrow();
  });
});
