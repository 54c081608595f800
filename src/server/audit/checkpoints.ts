/**
 * Signed checkpoints of the audit chains' heads, kept outside the database: one JSON line per
 * checkpoint (clinic, number of events, id and hash of the newest event, time, and an HMAC of all
 * of it under the audit key) appended to a file and written to the log. A chain alone cannot show
 * that its newest events were deleted; a checkpoint that saw more events, or a different event at
 * its position, can. Checkpoints are written at most every `intervalMs` per clinic, and a trailing
 * one follows the last append, so the newest checkpoint lags the chain's head by at most that long.
 */

import { createHmac, timingSafeEqual } from "node:crypto";
import { createReadStream } from "node:fs";
import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { createInterface } from "node:readline";

export interface Checkpoint {
  clinicId: string | null;
  count: number;
  headId: number;
  hash: string;
  at: string;
}

type Head = Omit<Checkpoint, "at">;

export function checkpointMac(key: Buffer, c: Checkpoint): string {
  const body = JSON.stringify(["knotwork-audit-checkpoint/1", c.clinicId, c.count, c.headId, c.hash, c.at]);
  return createHmac("sha256", key).update(body).digest("hex");
}

function parseLine(key: Buffer, line: string): Checkpoint | null {
  try {
    const value = JSON.parse(line) as Checkpoint & { mac?: unknown };
    if (typeof value.mac !== "string" || !Number.isInteger(value.count) || !Number.isInteger(value.headId))
      return null;
    const expected = Buffer.from(checkpointMac(key, value), "hex");
    const given = Buffer.from(value.mac, "hex");
    // A line that is not signed with the key is not a checkpoint (anyone can write to a file).
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return {
      clinicId: value.clinicId,
      count: value.count,
      headId: value.headId,
      hash: value.hash,
      at: value.at,
    };
  } catch {
    return null;
  }
}

export class CheckpointLog {
  private readonly lastWritten = new Map<string, number>();
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; run: () => Promise<void> }>();

  constructor(
    private readonly key: Buffer,
    private readonly file: string | null,
    private readonly intervalMs: number,
    private readonly log: (checkpoint: Checkpoint) => void = () => {},
  ) {}

  /** Whether an append to this clinic's chain should write a checkpoint now. */
  due(clinicId: string | null): boolean {
    const last = this.lastWritten.get(clinicId ?? "");
    return last === undefined || Date.now() - last >= this.intervalMs;
  }

  async write(head: Head): Promise<void> {
    const checkpoint: Checkpoint = { ...head, at: new Date().toISOString() };
    this.lastWritten.set(head.clinicId ?? "", Date.now());
    this.cancel(head.clinicId);
    const line = `${JSON.stringify({ ...checkpoint, mac: checkpointMac(this.key, checkpoint) })}\n`;
    if (this.file) {
      await mkdir(dirname(this.file), { recursive: true });
      await appendFile(this.file, line, { mode: 0o600 });
    }
    this.log(checkpoint);
  }

  /** Schedules one trailing checkpoint for a clinic whose append came too soon after the last. */
  later(clinicId: string | null, readHead: () => Promise<Head | null>): void {
    const id = clinicId ?? "";
    if (this.pending.has(id)) return;
    const wait = Math.max(0, (this.lastWritten.get(id) ?? 0) + this.intervalMs - Date.now());
    const run = async () => {
      this.pending.delete(id);
      const head = await readHead();
      if (head) await this.write(head);
    };
    // A failed trailing checkpoint (database closing) is retried by the next append; never fatal.
    const timer = setTimeout(() => run().catch(() => {}), wait);
    timer.unref();
    this.pending.set(id, { timer, run });
  }

  private cancel(clinicId: string | null): void {
    const pending = this.pending.get(clinicId ?? "");
    if (pending) clearTimeout(pending.timer);
    this.pending.delete(clinicId ?? "");
  }

  /** Writes every scheduled trailing checkpoint now (before the database closes). */
  async flush(): Promise<void> {
    const runs = [...this.pending.values()];
    for (const { timer } of runs) clearTimeout(timer);
    this.pending.clear();
    await Promise.all(runs.map(({ run }) => run().catch(() => {})));
  }

  /** Every correctly signed checkpoint of one clinic's chain in the file, oldest first. */
  async read(clinicId: string | null): Promise<Checkpoint[]> {
    if (!this.file) return [];
    const found: Checkpoint[] = [];
    try {
      const lines = createInterface({ input: createReadStream(this.file, "utf8"), crlfDelay: Infinity });
      for await (const line of lines) {
        const checkpoint = parseLine(this.key, line);
        if (checkpoint && checkpoint.clinicId === clinicId) found.push(checkpoint);
      }
    } catch (error) {
      if ((error as { code?: string }).code !== "ENOENT") throw error;
    }
    return found;
  }
}

/** The first way the chain falls short of a signed checkpoint, or null when it covers them all. */
export function checkpointProblem(
  rows: readonly { id: number; hash: string }[],
  checkpoints: readonly Checkpoint[],
): { brokenAt: number; problem: string } | null {
  for (const checkpoint of checkpoints) {
    if (rows.length < checkpoint.count) {
      return {
        brokenAt: checkpoint.headId,
        problem: `The log holds ${rows.length} events, but a signed checkpoint of ${checkpoint.at} counted ${checkpoint.count}: events were deleted.`,
      };
    }
    const row = rows[checkpoint.count - 1];
    if (!row || row.id !== checkpoint.headId || row.hash !== checkpoint.hash) {
      return {
        brokenAt: row?.id ?? checkpoint.headId,
        problem: `The event a signed checkpoint of ${checkpoint.at} ends with is missing or was rewritten.`,
      };
    }
  }
  return null;
}
