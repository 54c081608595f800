import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv";

/** A small RFC 4180 reader, to check what a spreadsheet would get back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

describe("CSV", () => {
  it("round-trips quotes, commas and newlines in names", () => {
    const names = ['Dana "DJ" O\'Neil', "Smith, Jo", "Line\nbreak", "Carriage\r\nreturn", "plain"];
    const csv = toCsv(
      ["name", "count"],
      names.map((name, i) => [name, i]),
    );
    expect(parseCsv(csv)).toEqual([["name", "count"], ...names.map((name, i) => [name, String(i)])]);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    for (const evil of ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      const [[cell]] = parseCsv(toCsv(["x"], [[evil]])).slice(1) as [[string]];
      expect(cell).toBe(`'${evil}`);
    }
    expect(csvField("=1,2")).toBe(`"'=1,2"`);
  });

  it("writes numbers as numbers, negative ones too, and empty cells for null", () => {
    expect(toCsv(["a", "b", "c"], [[-1.5, null, 0]])).toBe("a,b,c\r\n-1.5,,0\r\n");
  });
});
