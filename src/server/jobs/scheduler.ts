/**
 * A small in-process scheduler for background jobs (docs/decisions/0009-background-jobs.md).
 *
 * Each job is a name, an interval and an async function. A run is scheduled only after the previous
 * one has finished, so runs of one job never overlap. Errors are logged by type only: an error's
 * message may quote the data it failed on, and that may be health data. Timers only decide *when*
 * work happens; everything a job needs for correctness is in the database, so a job that runs
 * twice (two servers), late (a restart) or is cut off (a crash) leaves the data right.
 */

export interface Job {
  name: string;
  intervalMs: number;
  run(): Promise<unknown>;
}

/** The subset of the app's (pino) logger the scheduler uses. */
export interface JobLog {
  warn(details: object, message: string): void;
}

export interface Scheduler {
  /** Stops scheduling new runs and resolves once every run in progress has finished. */
  stop(): Promise<void>;
}

/** The name and error type (never the message) of a failure, for the log. */
export function jobFailure(name: string, error: unknown): object {
  const type = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  return { job: name, err: { type, ...(typeof code === "string" ? { code } : {}) } };
}

/**
 * Starts every job. The first run comes one interval after the start, but never later than
 * `firstRunWithinMs`: a server restarted more often than an hourly job's interval would otherwise
 * never run it.
 */
export function startJobs(
  jobs: readonly Job[],
  log: JobLog,
  { firstRunWithinMs = 30_000 }: { firstRunWithinMs?: number } = {},
): Scheduler {
  let stopped = false;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<void>>();

  const schedule = (job: Job, delayMs: number) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(job.name);
      const run = (async () => {
        try {
          await job.run();
        } catch (error) {
          log.warn(jobFailure(job.name, error), "background job failed");
        }
      })();
      running.add(run);
      void run.finally(() => {
        running.delete(run);
        schedule(job, job.intervalMs);
      });
    }, delayMs);
    // Timers alone never keep the process alive; the HTTP server does.
    timer.unref();
    timers.set(job.name, timer);
  };

  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`two jobs are named ${job.name}`);
    names.add(job.name);
    schedule(job, Math.min(job.intervalMs, firstRunWithinMs));
  }

  return {
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.all([...running]);
    },
  };
}
