/** `knotwork backup FILE` / `knotwork restore FILE`: messages on stderr, exit 0 on success, 1 on failure. */
import type { Config } from "../config";
import { backup, restore } from "./backup";
import { BackupError } from "./pglite";

export async function runBackupCommand(
  command: "backup" | "restore",
  args: string[],
  config: Config,
): Promise<number> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0 || file.startsWith("-")) {
    console.error(`Usage: knotwork ${command} FILE`);
    return 2;
  }
  const started = Date.now();
  try {
    if (command === "backup") {
      const result = await backup(config, file);
      console.error(
        `Backup of the ${result.engine === "postgres" ? "PostgreSQL" : "embedded"} database written to ${file} (${result.bytes} bytes${result.viaServer ? ", made by the running server" : ""}) in ${Date.now() - started} ms.`,
      );
      console.error(
        "Keep the audit key (KNOTWORK_AUDIT_KEY, or audit.key in the data folder) apart from the backup: the audit chain is checked with it.",
      );
    } else {
      const result = await restore(config, file);
      console.error(
        `Restored ${file} into the ${result.engine === "postgres" ? "PostgreSQL" : "embedded"} database in ${Date.now() - started} ms.`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
