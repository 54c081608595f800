import { REGIONS } from "../body/regions";
import { DEFAULT_INTENSITY, type FinderResponse, MAX_FINDER_REGIONS } from "./contract";
import { formatRankingTable } from "./format";
import { DEFAULT_RESULT_LIMIT, type RegionMark, rankMuscles } from "./rank";
import { validateFinderInput } from "./validate";

/**
 * `knotwork find REGION[:INTENSITY]... [--json] [--limit N]` (docs/product.md F3), as a pure function of
 * its arguments: the `knotwork` binary only writes stdout/stderr and exits with the code.
 * Exit codes: 0 success (also when nothing matches), 2 usage error (nothing written to stdout).
 */

export interface FindCommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const FIND_USAGE = `Usage: knotwork find REGION[:INTENSITY]... [--json] [--limit N]

Lists the muscles commonly associated with pain in the marked body regions (not a diagnosis).

  REGION        a body-map region id, e.g. temple-left, neck-posterior-right, sacrum
  :INTENSITY    pain intensity 1-10 (default ${DEFAULT_INTENSITY}), e.g. temple-left:7
  --json        print the API response { "results": [...] } instead of a table
  --limit N     show at most N muscles (default ${DEFAULT_RESULT_LIMIT})
  -h, --help    show this help

At most ${MAX_FINDER_REGIONS} regions. Example: knotwork find temple-left:7 neck-posterior-left --limit 5
`;

const HELP_HINT = "Run `knotwork find --help` for usage.";
/** How many close region ids an "unknown region" error suggests. */
const MAX_SUGGESTIONS = 3;
const REGION_IDS: readonly string[] = REGIONS.map((region) => region.id);

interface ParsedArgs {
  readonly help: boolean;
  readonly json: boolean;
  readonly limit: number;
  readonly marks: RegionMark[];
  readonly errors: string[];
}

// ---- Suggestions for a mistyped region id.

/** Optimal string alignment distance: edits, counting a swap of two neighbours as one. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

function sortedWords(id: string): string {
  return id
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .sort()
    .join("-");
}

/**
 * Up to `limit` region ids close to a mistyped one, best first: the same words in another order
 * (`left-temple`), ids it is the start of (`temple` → `temple-left`, `temple-right`), then small
 * typos (edit distance ≤ 1 per 4 characters, at least 2). Empty when nothing is close.
 */
export function suggestRegionIds(input: string, limit = MAX_SUGGESTIONS): string[] {
  const wanted = input
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  if (wanted === "") return [];
  const words = sortedWords(wanted);
  const maxDistance = Math.max(2, Math.floor(wanted.length / 4));
  const ranked: { id: string; rank: number; order: number }[] = [];
  REGION_IDS.forEach((id, order) => {
    if (id === wanted) ranked.push({ id, rank: -1, order });
    else if (sortedWords(id) === words) ranked.push({ id, rank: 0, order });
    else if (id.startsWith(wanted)) ranked.push({ id, rank: 1, order });
    else {
      const distance = editDistance(wanted, id);
      if (distance <= maxDistance) ranked.push({ id, rank: 1 + distance, order });
    }
  });
  return ranked
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, Math.max(0, limit))
    .map((entry) => entry.id);
}

// ---- Arguments.

function unknownRegionMessage(id: string): string {
  const suggestions = suggestRegionIds(id);
  const hint = suggestions.length === 0 ? "" : ` Did you mean ${suggestions.join(", ")}?`;
  return `Unknown region "${id}".${hint}`;
}

/** `temple-left` or `temple-left:7` → a mark, or an error message naming the argument. */
function parseRegionArg(arg: string): RegionMark | string {
  const colon = arg.indexOf(":");
  const id = (colon === -1 ? arg : arg.slice(0, colon)).trim().toLowerCase();
  const intensityText = colon === -1 ? undefined : arg.slice(colon + 1).trim();
  if (id === "") return `Missing region id in "${arg}".`;
  if (!REGION_IDS.includes(id)) return unknownRegionMessage(id);
  if (intensityText === undefined) return { id, intensity: DEFAULT_INTENSITY };
  const intensity = /^\d{1,2}$/.test(intensityText) ? Number(intensityText) : Number.NaN;
  if (!(intensity >= 1 && intensity <= 10)) {
    return `Intensity for ${id} must be a whole number from 1 to 10, got "${intensityText}".`;
  }
  return { id, intensity };
}

function parseLimit(text: string | undefined): number | string {
  if (text === undefined || text === "") return "--limit needs a number, e.g. --limit 5.";
  if (!/^\d+$/.test(text) || Number(text) < 1)
    return `--limit must be a whole number of 1 or more, got "${text}".`;
  return Number(text);
}

/** A region marked twice counts once, at its highest intensity (as the ranking does), where first given. */
function mergeRepeats(marks: readonly RegionMark[]): RegionMark[] {
  const byId = new Map<string, RegionMark>();
  for (const mark of marks) {
    const previous = byId.get(mark.id);
    if (!previous || mark.intensity > previous.intensity) byId.set(mark.id, { ...mark });
  }
  return [...byId.values()];
}

function parseArgs(argv: readonly string[]): ParsedArgs {
  let help = false;
  let json = false;
  let limit = DEFAULT_RESULT_LIMIT;
  let optionsEnded = false;
  const marks: RegionMark[] = [];
  const errors: string[] = [];
  const takeLimit = (text: string | undefined) => {
    const parsed = parseLimit(text);
    if (typeof parsed === "string") errors.push(parsed);
    else limit = parsed;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (!optionsEnded && arg.startsWith("-")) {
      if (arg === "--") optionsEnded = true;
      else if (arg === "-h" || arg === "--help") help = true;
      else if (arg === "--json") json = true;
      else if (arg === "--limit") takeLimit(argv[++i]);
      else if (arg.startsWith("--limit=")) takeLimit(arg.slice("--limit=".length));
      else errors.push(`Unknown option "${arg}".`);
      continue;
    }
    const mark = parseRegionArg(arg);
    if (typeof mark === "string") errors.push(mark);
    else marks.push(mark);
  }
  return { help, json, limit, marks: mergeRepeats(marks), errors };
}

function usageError(messages: readonly string[]): FindCommandResult {
  return { exitCode: 2, stdout: "", stderr: `${[...messages, HELP_HINT].join("\n")}\n` };
}

/** Runs `knotwork find` on the arguments after `find`. Never throws for bad input: that is exit code 2. */
export function runFindCommand(argv: string[]): FindCommandResult {
  if (argv.length === 0) return { exitCode: 2, stdout: "", stderr: FIND_USAGE };
  const args = parseArgs(argv);
  if (args.help) return { exitCode: 0, stdout: FIND_USAGE, stderr: "" };
  if (args.errors.length > 0) return usageError(args.errors);
  if (args.marks.length === 0)
    return { exitCode: 2, stdout: "", stderr: `Mark at least one region.\n\n${FIND_USAGE}` };

  // The same checks as the API (region count, intensity range), so the CLI accepts exactly what it does.
  const validation = validateFinderInput({ regions: args.marks });
  if (!validation.ok) return usageError([validation.error.message]);

  const marks = validation.value.regions;
  const results = rankMuscles(marks, { limit: args.limit });
  if (args.json) {
    const response: FinderResponse = { results };
    return { exitCode: 0, stdout: `${JSON.stringify(response, null, 2)}\n`, stderr: "" };
  }
  return { exitCode: 0, stdout: formatRankingTable(results, marks), stderr: "" };
}
