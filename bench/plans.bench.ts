import { pathToFileURL } from "node:url";
import { Bench } from "tinybench";
import { GENERAL_SELF_TREATMENT_RULES, MUSCLE_IDS } from "../src/core/atlas";
import { buildHomeCarePlan } from "../src/core/homecare";
import { suggestPlan } from "../src/core/plans";
import { renderHomeCarePdf } from "../src/server/homecare/pdf";

/**
 * Home-care handout and plan rule (docs/decisions/0015-pdf-handout.md: a handout in well under a
 * second, so `GET /api/me/home-care.pdf` answers at once). Imported by bench/index.ts; also runnable
 * alone: `node --import tsx bench/plans.bench.ts`.
 */

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const TYPICAL = [
  "upper-trapezius",
  "levator-scapulae",
  "suboccipitals",
  "quadratus-lumborum",
  "gluteus-medius",
];

function handout(muscles: readonly string[]) {
  return renderHomeCarePdf({
    clinicName: "Knotwork Demo Clinic",
    clinicPhone: "208-555-0100",
    dateText: "December 3, 2026",
    plan: {
      id: null,
      clientId: "00000000-0000-0000-0000-000000000000",
      clientName: "Jordan Lee",
      items: buildHomeCarePlan(muscles),
      shared: true,
      sharedAt: null,
      updatedAt: null,
      generalCautions: [...GENERAL_SELF_TREATMENT_RULES],
    },
  });
}

let sink = 0;

export default async function benchPlans(): Promise<BenchFigure[]> {
  await handout(TYPICAL); // the body figures compile on first use
  const bench = new Bench({ name: "plans", time: 1500, warmupTime: 200 });
  bench
    .add("plans: PDF handout, 5 muscles", async () => {
      sink += (await handout(TYPICAL)).length;
    })
    .add("plans: PDF handout, 20 muscles", async () => {
      sink += (await handout(MUSCLE_IDS.slice(0, 20))).length;
    })
    .add("plans: plan rule suggestion", () => {
      sink += suggestPlan({ durationDays: 200, painScores: [6, 8, null] }).sessions;
    });
  await bench.run();
  const bytes = (await handout(TYPICAL)).length;
  const ms = (name: string) => {
    const task = bench.tasks.find((t) => t.name === name);
    const result = task?.result as { latency?: { p50?: number; mean?: number } } | undefined;
    return Number((result?.latency?.p50 ?? result?.latency?.mean ?? Number.NaN).toFixed(3));
  };
  if (sink === -1) console.log(sink);
  return [
    {
      name: "plans: PDF handout, 5 muscles (p50)",
      value: ms("plans: PDF handout, 5 muscles"),
      unit: "ms",
      target: "≤ 200 ms",
    },
    {
      name: "plans: PDF handout, 20 muscles (p50)",
      value: ms("plans: PDF handout, 20 muscles"),
      unit: "ms",
      target: "≤ 500 ms",
    },
    { name: "plans: PDF handout size, 5 muscles", value: Math.round(bytes / 1024), unit: "KB" },
    {
      name: "plans: plan rule (p50)",
      value: ms("plans: plan rule suggestion"),
      unit: "ms",
      target: "≤ 0.1 ms",
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const row of await benchPlans()) console.log(`${row.name}: ${row.value} ${row.unit}`);
}
