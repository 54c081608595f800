/**
 * CSV as RFC 4180: CRLF between records, every field that holds a comma, quote, CR or LF is quoted,
 * quotes inside doubled. A text cell that a spreadsheet would read as a formula (it begins with `=`,
 * `+`, `-`, `@`, or a tab or CR that some programs skip first) gets a leading apostrophe, as OWASP
 * advises against CSV injection; numbers are written as numbers, so a negative figure stays one.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  const text = typeof cell === "string" ? neutraliseFormula(cell) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}
