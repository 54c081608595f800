/**
 * The hand-quoted SQL of ./prepared.ts: on PGlite the arguments of EXECUTE are written as SQL
 * literals, so every awkward value must come back exactly as sent (PGlite and PostgreSQL).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/connect";
import { compileStatement, runCompiled } from "../db/prepared";
import { createTestDatabase } from "../testing/harness";
import { executePrepared, sqlLiteral } from "./prepared";

const AWKWARD_TEXT = [
  "O'Brien",
  "''",
  "'",
  "back\\slash\\",
  "\\'",
  "x'); DROP TABLE clinics; --",
  "$1 $$ $tag$",
  "line\nbreak\ttab\r",
  "Zoë 🧘‍♀️ 東京",
  "E'\\x41'",
  "",
  "   ",
  "-- comment",
  "/* open comment",
];

describe("sqlLiteral", () => {
  it("doubles single quotes and leaves backslashes alone", () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral("a\\b")).toBe("'a\\b'");
    expect(sqlLiteral("'; DROP TABLE x; --")).toBe("'''; DROP TABLE x; --'");
  });

  it("writes numbers, booleans, bigints, null and dates as PostgreSQL reads them", () => {
    expect(sqlLiteral(42)).toBe("42");
    expect(sqlLiteral(-1.5)).toBe("-1.5");
    expect(sqlLiteral(true)).toBe("true");
    expect(sqlLiteral(false)).toBe("false");
    expect(sqlLiteral(12345678901234567890n)).toBe("12345678901234567890");
    expect(sqlLiteral(null)).toBe("NULL");
    expect(sqlLiteral(undefined)).toBe("NULL");
    expect(sqlLiteral(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe("'2026-01-02T03:04:05.006Z'");
  });

  it("refuses what it cannot write safely", () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow(RangeError);
    expect(() => sqlLiteral(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => sqlLiteral("a\u0000b")).toThrow(RangeError);
  });
});

describe("executePrepared", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const echo = (value: string) => sql`SELECT ${value}::text AS v, length(${value}::text) AS n`;

  it("returns every awkward text exactly as sent, on the first run and once prepared", async () => {
    for (let round = 0; round < 2; round++) {
      for (const value of AWKWARD_TEXT) {
        const rows = await executePrepared(database.db, "echo", echo(value));
        expect(rows).toEqual([{ v: value, n: [...value].length }]);
      }
    }
  });

  it("binds numbers, booleans, null and instants of several arguments in order", async () => {
    const at = new Date(Date.UTC(2026, 5, 30, 23, 59, 59, 123));
    const rows = await executePrepared(
      database.db,
      "mixed",
      sql`SELECT ${7}::int + ${-2}::int AS sum, ${true}::boolean AS yes, ${null}::text IS NULL AS none,
        ${at.toISOString()}::timestamptz = '2026-06-30 23:59:59.123+00'::timestamptz AS same_instant,
        ${"a'b"}::text || ${"c\\d"}::text AS joined`,
    );
    expect(rows).toEqual([{ sum: 5, yes: true, none: true, same_instant: true, joined: "a'bc\\d" }]);
  });

  it("keeps injected SQL inert: the table is still there", async () => {
    await executePrepared(database.db, "echo", echo("x'); DROP TABLE clinics; --"));
    const rows = await executePrepared(database.db, "count", sql`SELECT count(*)::int AS n FROM clinics`);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it("gives one label with different SQL texts separate statements", async () => {
    const a = await executePrepared(database.db, "same", sql`SELECT ${1}::int AS a`);
    const b = await executePrepared(database.db, "same", sql`SELECT ${"b"}::text AS b`);
    expect(a).toEqual([{ a: 1 }]);
    expect(b).toEqual([{ b: "b" }]);
  });

  it("runs as an ordinary statement inside a transaction", async () => {
    const rows = await database.db.transaction((tx) => executePrepared(tx, "echo", echo("in 'tx'")));
    expect(rows).toEqual([{ v: "in 'tx'", n: 7 }]);
  });

  it("refuses a NUL character before it reaches the database", async () => {
    await expect(executePrepared(database.db, "echo", echo("nul\u0000"))).rejects.toThrow();
  });
});

describe("compileStatement and runCompiled", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const compiled = compileStatement<"a" | "b">(
    "compiled",
    sql`SELECT ${sql.placeholder("a")}::text AS a, ${sql.placeholder("b")}::int + ${10}::int AS b,
      ${sql.placeholder("a")}::text = ${sql.placeholder("a")}::text AS same`,
  );

  it("binds each call's values by name, a placeholder used twice included, and keeps fixed values", async () => {
    for (const [a, b] of [
      ["O'Brien", 1],
      ["x'); DROP TABLE clinics; --", 2],
      ["second call", -3],
    ] as const) {
      expect(await runCompiled(database.db, compiled, { a, b })).toEqual([{ a, b: b + 10, same: true }]);
    }
  });

  it("runs as an ordinary statement inside a transaction, with the same values", async () => {
    const rows = await database.db.transaction((tx) => runCompiled(tx, compiled, { a: "in 'tx' $1", b: 5 }));
    expect(rows).toEqual([{ a: "in 'tx' $1", b: 15, same: true }]);
  });
});
