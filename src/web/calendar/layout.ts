/**
 * Where appointments sit on the calendar: columns (a therapist, a room or a day), vertical position
 * by local wall-clock minutes in the clinic's zone, and side-by-side lanes when blocks overlap in one
 * column (a cancelled booking and its replacement, say). Pure, so it is tested without a browser.
 */
import type { Appointment } from "../../core/api/clinic";
import { localDateOf, minuteOfDay } from "../appointments/time";

export interface Column {
  key: string;
  label: string;
}

export interface Block {
  appointment: Appointment;
  column: string;
  /** Minutes after local midnight, wall clock. */
  top: number;
  /** Minutes long on the wall clock (at least 15 so a short block stays clickable). */
  height: number;
  lane: number;
  lanes: number;
}

export const DEFAULT_DAY_START_HOUR = 8;
export const DEFAULT_DAY_END_HOUR = 18;
const MIN_BLOCK_MINUTES = 15;

export type ColumnOf = (appointment: Appointment, date: string) => string | null;

/**
 * Blocks of the appointments that start on `dates` (local dates in `zone`). A block that runs past
 * midnight is cut at the end of the day; `columnOf` answers the column key or null to leave it out.
 */
export function layoutBlocks(
  appointments: readonly Appointment[],
  zone: string,
  dates: readonly string[],
  columnOf: ColumnOf,
): Block[] {
  const wanted = new Set(dates);
  const raw: Omit<Block, "lane" | "lanes">[] = [];
  for (const appointment of appointments) {
    const date = localDateOf(appointment.startsAt, zone);
    if (!wanted.has(date)) continue;
    const column = columnOf(appointment, date);
    if (column === null) continue;
    const top = minuteOfDay(appointment.startsAt, zone);
    const sameDayEnd = localDateOf(appointment.endsAt, zone) === date;
    const end = sameDayEnd ? minuteOfDay(appointment.endsAt, zone) : 24 * 60;
    // Wall-clock length can be off by an hour across a DST change; the real length is the floor.
    const realMinutes = (Date.parse(appointment.endsAt) - Date.parse(appointment.startsAt)) / 60_000;
    const wallMinutes = end > top ? end - top : realMinutes;
    raw.push({
      appointment,
      column,
      top,
      height: Math.max(MIN_BLOCK_MINUTES, Math.min(wallMinutes, 24 * 60 - top)),
    });
  }
  return assignLanes(raw);
}

/** Greedy interval partitioning per column: overlapping blocks share the width in lanes. */
function assignLanes(blocks: Omit<Block, "lane" | "lanes">[]): Block[] {
  const byColumn = new Map<string, Omit<Block, "lane" | "lanes">[]>();
  for (const b of blocks) byColumn.set(b.column, [...(byColumn.get(b.column) ?? []), b]);
  const result: Block[] = [];
  for (const list of byColumn.values()) {
    list.sort((x, y) => x.top - y.top || y.height - x.height);
    // Clusters of transitively overlapping blocks get one lane count.
    let cluster: Block[] = [];
    let clusterEnd = -1;
    const laneEnds: number[] = [];
    const flush = () => {
      const lanes = Math.max(1, laneEnds.length);
      for (const b of cluster) b.lanes = lanes;
      result.push(...cluster);
      cluster = [];
      laneEnds.length = 0;
    };
    for (const b of list) {
      if (b.top >= clusterEnd && cluster.length > 0) flush();
      let lane = laneEnds.findIndex((end) => end <= b.top);
      if (lane === -1) {
        lane = laneEnds.length;
        laneEnds.push(0);
      }
      laneEnds[lane] = b.top + b.height;
      const block: Block = { ...b, lane, lanes: 1 };
      cluster.push(block);
      clusterEnd = Math.max(clusterEnd, b.top + b.height);
    }
    flush();
  }
  return result;
}

/**
 * The hours the grid shows: the usual working day, widened to fit every block and every working
 * span (an early start or a late evening), so nobody's hours are cut off.
 */
export function visibleHours(
  blocks: readonly Block[],
  working: readonly { start: number; end: number }[] = [],
): { start: number; end: number } {
  let start = DEFAULT_DAY_START_HOUR;
  let end = DEFAULT_DAY_END_HOUR;
  for (const b of blocks) {
    start = Math.min(start, Math.floor(b.top / 60));
    end = Math.max(end, Math.ceil((b.top + b.height) / 60));
  }
  for (const span of working) {
    start = Math.min(start, Math.floor(span.start / 60));
    end = Math.max(end, Math.ceil(span.end / 60));
  }
  return { start, end: Math.min(24, Math.max(end, start + 1)) };
}

/** Statuses that still occupy the calendar; the others are shown only on request. */
export const HOLDING_STATUSES = new Set(["requested", "confirmed"]);
export const VISIBLE_BY_DEFAULT = new Set(["requested", "confirmed", "completed", "no_show"]);
