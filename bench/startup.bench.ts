/**
 * Start-up benchmark (`npm run bench startup`; opt-in, it starts real servers): start to first 200
 * and resident memory of `knotwork start` beside a plain Node HTTP server, in interleaved pairs on
 * this noisy machine, plus the first start on an empty data folder and `knotwork find` beside a bare
 * `node -e`. RSS and CPU time are read from /proc for the server process itself once it answers.
 * Targets (docs/architecture.md): later start ≤ 0.8 s, first-start RSS ≤ 400 MB, find ≤ 0.3 s.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchFigure } from "./booking.bench";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);
const PLAIN_SERVER = `require("node:http").createServer((q, s) => s.end("ok")).listen(Number(process.env.PORT), "127.0.0.1")`;

/**
 * CPU time (all threads, user + system) the process has used, from /proc: unlike wall time, it
 * hardly moves with the load of other programs on a shared machine.
 */
function cpuMilliseconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const clockTicks = 100; // USER_HZ on Linux
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function waitFor200(url: string, child: ChildProcess, limitMs = 120_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${url} did not answer 200`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** Spawns a server, times it from spawn to its first 200, reads its RSS, stops it. */
async function timedStart(args: string[], env: NodeJS.ProcessEnv, path: string) {
  const port = 4300 + Math.floor(Math.random() * 500);
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  try {
    await waitFor200(`http://127.0.0.1:${port}${path}`, child);
    const ms = performance.now() - startedAt;
    return { ms, rss: rssMegabytes(child.pid as number), cpu: cpuMilliseconds(child.pid as number) };
  } finally {
    await stopChild(child);
  }
}

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  return `${sorted[0]?.toFixed(2)} / ${median.toFixed(2)} / ${sorted.at(-1)?.toFixed(2)}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function wallTime(args: string[]): number {
  const startedAt = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited with ${result.status}`);
  return performance.now() - startedAt;
}

export default async function startupBench(): Promise<BenchFigure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "knotwork-bench-start-"));
  const knotwork = { KNOTWORK_DATA_DIR: dataDir };
  try {
    const first = await timedStart(["bin/knotwork.js", "start"], knotwork, "/api/health");
    const app: number[] = [];
    const plain: number[] = [];
    const rss: number[] = [];
    const cpu: number[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      const bare = await timedStart(["-e", PLAIN_SERVER], {}, "/");
      const later = await timedStart(["bin/knotwork.js", "start"], knotwork, "/api/health");
      plain.push(bare.ms);
      app.push(later.ms);
      rss.push(later.rss);
      cpu.push(later.cpu);
      process.stderr.write(
        `  pair ${pair + 1}: plain ${bare.ms.toFixed(0)} ms, knotwork ${later.ms.toFixed(0)} ms (CPU ${later.cpu} ms)\n`,
      );
    }
    const find: number[] = [];
    const bareNode: number[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      bareNode.push(wallTime(["-e", "0"]));
      find.push(wallTime(["bin/knotwork.js", "find", "temple-left"]));
    }
    process.stderr.write(
      `  later start ÷ plain Node start (min / median / max): ${spread(app.map((ms, i) => ms / (plain[i] as number)))}\n`,
    );
    return [
      { name: "first start to first 200 (empty data folder)", value: Math.round(first.ms), unit: "ms" },
      { name: "first start RSS", value: first.rss, unit: "MB", target: "≤ 400 MB" },
      {
        name: "later start to first 200 (median)",
        value: Math.round(median(app)),
        unit: "ms",
        target: "≤ 800 ms",
      },
      { name: "later start CPU time to first 200 (median)", value: median(cpu), unit: "ms" },
      { name: "plain Node server start to first 200 (median)", value: Math.round(median(plain)), unit: "ms" },
      { name: "later start RSS (median)", value: median(rss), unit: "MB", target: "≤ 400 MB" },
      {
        name: "knotwork find temple-left (median)",
        value: Math.round(median(find)),
        unit: "ms",
        target: "≤ 300 ms",
      },
      { name: "node -e 0 (median)", value: Math.round(median(bareNode)), unit: "ms" },
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
