import { pathToFileURL } from "node:url";
import { Bench } from "tinybench";
import { type RegionMark, rankMuscles } from "../src/core/finder";

/**
 * Finder benchmark (docs/architecture.md target: one ranking ≤ 0.1 ms in-process).
 * Imported by bench/index.ts; also runnable alone: `node --import tsx bench/finder.bench.ts`.
 */

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

/** A realistic query: a one-sided tension-type headache running into the neck and shoulder. */
const SIX_REGION_QUERY: readonly RegionMark[] = [
  { id: "temple-left", intensity: 7 },
  { id: "occiput-left", intensity: 6 },
  { id: "neck-posterior-left", intensity: 8 },
  { id: "neck-lateral-left", intensity: 5 },
  { id: "shoulder-top-left", intensity: 6 },
  { id: "eye-left", intensity: 3 },
];

const ONE_REGION_QUERY: readonly RegionMark[] = [{ id: "heel-right", intensity: 6 }];

const TARGET_MS = 0.1;

/** Keeps the optimiser from discarding the work being measured. */
let sink = 0;

export default async function benchFinder(): Promise<BenchFigure[]> {
  const bench = new Bench({ name: "finder", time: 500, warmupTime: 100 });
  bench
    .add("finder: rank 6-region query", () => {
      sink += rankMuscles(SIX_REGION_QUERY).length;
    })
    .add("finder: rank 1-region query", () => {
      sink += rankMuscles(ONE_REGION_QUERY).length;
    });
  await bench.run();

  return bench.tasks.map((task) => {
    const result = task.result;
    const meanMs = "latency" in result ? result.latency.mean : Number.NaN;
    return {
      name: `${task.name} (mean)`,
      value: Number(meanMs.toFixed(5)),
      unit: "ms",
      target: `≤ ${TARGET_MS} ms`,
    };
  });
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  for (const figure of await benchFinder()) {
    console.log(`${figure.name}: ${figure.value} ${figure.unit} (target ${figure.target})`);
  }
  if (sink < 0) console.log(sink);
}
