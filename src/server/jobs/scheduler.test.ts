import { describe, expect, it } from "vitest";
import { type Job, type JobLog, startJobs } from "./scheduler";

/** A promise with its resolver, to wait for an event from a callback. */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recordingLog() {
  const entries: { details: object; message: string }[] = [];
  const log: JobLog = { warn: (details, message) => void entries.push({ details, message }) };
  return { log, entries };
}

describe("the job scheduler", () => {
  it("runs each job again after every interval", async () => {
    const thirdRun = signal();
    let runs = 0;
    const scheduler = startJobs(
      [
        {
          name: "count",
          intervalMs: 1,
          run: async () => {
            if (++runs === 3) thirdRun.resolve();
          },
        },
      ],
      recordingLog().log,
    );
    await thirdRun.promise;
    await scheduler.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
  });

  it("never overlaps two runs of one job, even when a run outlasts many intervals", async () => {
    let active = 0;
    let mostAtOnce = 0;
    let starts = 0;
    const firstStarted = signal();
    const secondStarted = signal();
    const gate = signal();
    const job: Job = {
      name: "slow",
      intervalMs: 1,
      run: async () => {
        starts++;
        active++;
        mostAtOnce = Math.max(mostAtOnce, active);
        if (starts === 1) {
          firstStarted.resolve();
          await gate.promise;
        }
        if (starts === 2) secondStarted.resolve();
        active--;
      },
    };
    const scheduler = startJobs([job], recordingLog().log);
    await firstStarted.promise;
    await pause(30); // dozens of intervals pass while the first run is held
    expect(starts).toBe(1);
    gate.resolve();
    await secondStarted.promise;
    await scheduler.stop();
    expect(mostAtOnce).toBe(1);
  });

  it("logs a failure by job name and error type only, and keeps running the job", async () => {
    const { log, entries } = recordingLog();
    const secondRun = signal();
    let runs = 0;
    const scheduler = startJobs(
      [
        {
          name: "fragile",
          intervalMs: 1,
          run: async () => {
            if (++runs === 1) throw new TypeError("client Jane Doe: sciatica, left leg");
            secondRun.resolve();
          },
        },
      ],
      log,
    );
    await secondRun.promise;
    await scheduler.stop();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toEqual({ job: "fragile", err: { type: "TypeError" } });
    expect(JSON.stringify(entries)).not.toMatch(/Jane|sciatica/);
  });

  it("stop() waits for the run in progress and starts no new one", async () => {
    const started = signal();
    const gate = signal();
    let starts = 0;
    let finished = false;
    const scheduler = startJobs(
      [
        {
          name: "held",
          intervalMs: 1,
          run: async () => {
            starts++;
            started.resolve();
            await gate.promise;
            finished = true;
          },
        },
      ],
      recordingLog().log,
    );
    await started.promise;
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await pause(10);
    expect(stopped).toBe(false);
    gate.resolve();
    await stopping;
    expect(finished).toBe(true);
    await pause(10);
    expect(starts).toBe(1);
  });

  it("runs a long-interval job soon after start, so restarts cannot starve it", async () => {
    const ran = signal();
    let runs = 0;
    const scheduler = startJobs(
      [
        {
          name: "hourly",
          intervalMs: 3_600_000,
          run: async () => {
            runs++;
            ran.resolve();
          },
        },
      ],
      recordingLog().log,
      { firstRunWithinMs: 1 },
    );
    await ran.promise;
    await scheduler.stop();
    expect(runs).toBe(1);
  });

  it("refuses two jobs with one name", () => {
    const job: Job = { name: "twin", intervalMs: 1_000, run: async () => {} };
    expect(() => startJobs([job, job], recordingLog().log)).toThrow(/twin/);
  });
});
