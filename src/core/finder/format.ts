import { muscleById } from "../atlas";
import type { FinderResult, RegionMark } from "./rank";

/**
 * Plain-text ranking for the CLI (`npx knotwork find temple-left neck-posterior-left`).
 * The wording is fixed by docs/product.md F3: muscles commonly associated with the pain, never a diagnosis.
 */

export const FINDER_DISCLAIMER = "Muscles commonly associated with pain here (not a diagnosis):";
export const FINDER_SCORE_NOTE =
  "Score 0-1: how much of the marked pain (weighted by intensity) the muscle's referral pattern explains; essential zones count fully, spillover zones half, and very broad patterns are marked down slightly.";
export const FINDER_SEE_A_DOCTOR =
  "Sudden, severe or unexplained pain, or pain with numbness, weakness, fever or chest pressure, needs a doctor first.";

const HEADERS = ["#", "Muscle", "Side", "Score", "Explains"] as const;

function describeMarks(regionsMarked: readonly RegionMark[]): string {
  return regionsMarked.map((mark) => `${mark.id} (${mark.intensity}/10)`).join(", ");
}

function describeExplains(result: FinderResult): string {
  const parts: string[] = [];
  if (result.explains.essential.length > 0) parts.push(`essential: ${result.explains.essential.join(", ")}`);
  if (result.explains.spillover.length > 0) parts.push(`spillover: ${result.explains.spillover.join(", ")}`);
  return parts.join("; ");
}

function tableRow(result: FinderResult, rank: number): string[] {
  return [
    String(rank),
    muscleById(result.muscle)?.name ?? result.muscle,
    result.side ?? "either",
    result.score.toFixed(2),
    describeExplains(result),
  ];
}

/** Pads every column but the last to its widest cell, two spaces apart. */
function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}

/** The CLI's table: disclaimer, the marked regions, one row per result (rank, muscle, side, score, explains). */
export function formatRankingTable(
  results: readonly FinderResult[],
  regionsMarked: readonly RegionMark[],
): string {
  const lines = [FINDER_DISCLAIMER, `Marked: ${describeMarks(regionsMarked)}`, ""];
  if (results.length === 0) {
    lines.push("No muscle in the atlas is known to refer pain to these regions.");
  } else {
    lines.push(...alignColumns([[...HEADERS], ...results.map((result, i) => tableRow(result, i + 1))]));
    lines.push("", FINDER_SCORE_NOTE);
  }
  lines.push(FINDER_SEE_A_DOCTOR);
  return `${lines.join("\n")}\n`;
}
