/**
 * PostgreSQL backups through the standard tools: `pg_dump` (custom format) reads everything in one
 * repeatable-read snapshot, so a backup while the servers run is consistent; `pg_restore` loads it
 * into an empty database. Both must be installed and at least as new as the server.
 */
import { spawn } from "node:child_process";
import { BackupError } from "./pglite";

function run(tool: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk.toString();
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "ENOENT"
          ? new BackupError(
              `${tool} is not installed (or not on PATH). Install the PostgreSQL client tools of your server's version (e.g. "apt-get install postgresql-client-15"), then run this again.`,
            )
          : error,
      );
    });
    child.on("close", (code) => {
      if (code === 0) resolve();
      else
        reject(
          new BackupError(`${tool} failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`),
        );
    });
  });
}

export function pgDump(url: string, file: string, tool = "pg_dump"): Promise<void> {
  return run(tool, ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${url}`]);
}

/** Into an empty database (the caller checks); stops at the first error rather than half-restoring. */
export function pgRestore(file: string, url: string, tool = "pg_restore"): Promise<void> {
  return run(tool, [
    "--no-owner",
    "--no-privileges",
    "--exit-on-error",
    "--single-transaction",
    `--dbname=${url}`,
    file,
  ]);
}

export function isPgDump(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString("latin1") === "PGDMP";
}
