import { pathToFileURL } from "node:url";
import { Bench } from "tinybench";
import { findAvailableSlots, type SlotQuery } from "../src/core/scheduling";
import { benchmarkQuery } from "../src/core/scheduling/benchmark-fixture";
import { clearZoneCaches } from "../src/core/scheduling/zone";

/**
 * Slot engine benchmark (docs/architecture.md target: all slots for 20 therapists × 30 days — working
 * hours, breaks, buffers, ~300 bookings, minimum notice, 2 rooms, a DST change inside the window —
 * in ≤ 2 ms in-process). The workload is `benchmarkQuery()` in src/core/scheduling/benchmark-fixture.ts.
 * Imported by bench/index.ts; also runnable alone: `node --import tsx bench/slots.bench.ts`.
 */

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const TARGET_MS = 2;
const TARGET_TASK = "slots: 20 therapists × 30 days, any therapist, rooms, DST";

/** Keeps the optimiser from discarding the work being measured. */
let sink = 0;

function run(query: SlotQuery): void {
  sink += findAvailableSlots(query).length;
}

export default async function benchSlots(): Promise<BenchFigure[]> {
  const anyTherapist = benchmarkQuery();
  const oneTherapist = benchmarkQuery({ therapistId: "therapist-2" });
  const bench = new Bench({ name: "slots", time: 1_000, warmupTime: 200 });
  bench
    .add(TARGET_TASK, () => run(anyTherapist))
    .add("slots: 1 therapist × 30 days", () => run(oneTherapist))
    // The first query in a zone also reads its offsets from Intl (cached per zone afterwards).
    .add("slots: 20 therapists × 30 days, cold zone cache", () => run(anyTherapist), {
      beforeEach: clearZoneCaches,
    });
  await bench.run();

  const figures: BenchFigure[] = [];
  for (const task of bench.tasks) {
    const result = task.result;
    if (!("latency" in result)) {
      figures.push({ name: `${task.name} (failed: ${result.state})`, value: Number.NaN, unit: "ms" });
      continue;
    }
    const target = task.name === TARGET_TASK ? { target: `≤ ${TARGET_MS} ms` } : {};
    figures.push({
      name: `${task.name} (mean)`,
      value: Number(result.latency.mean.toFixed(4)),
      unit: "ms",
      ...target,
    });
    if (task.name === TARGET_TASK) {
      figures.push({ name: `${task.name} (p99)`, value: Number(result.latency.p99.toFixed(4)), unit: "ms" });
    }
  }
  return figures;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  for (const figure of await benchSlots()) {
    console.log(
      `${figure.name}: ${figure.value} ${figure.unit}${figure.target ? ` (target ${figure.target})` : ""}`,
    );
  }
  if (sink < 0) console.log(sink);
}
