/**
 * `knotwork export --clinic SLUG --client EMAIL --format fhir|json`: one client's record on stdout,
 * audited like the API's exports (actor role "cli": whoever can run this can read the database).
 */
import { parseArgs } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import { EXPORT_FORMATS, type ExportFormat } from "../../core/api/records";
import { configureAudit, recordAudit } from "../audit/audit";
import { resolveAuditKey } from "../audit/key";
import type { Config } from "../config";
import type { Database } from "../db/connect";
import { clients, clinics } from "../db/schema";
import { exportClientData } from "../portal/export";
import { exportClientFhir } from "./fhir";

export interface ExportOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function exportToText(
  database: Database,
  config: Config,
  args: string[],
): Promise<ExportOutput> {
  let values: { clinic?: string; client?: string; format?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { clinic: { type: "string" }, client: { type: "string" }, format: { type: "string" } },
    }));
  } catch (error) {
    return { exitCode: 2, stdout: "", stderr: (error as Error).message };
  }
  const format = (values.format ?? "json") as ExportFormat;
  if (!values.clinic || !values.client || !EXPORT_FORMATS.includes(format))
    return {
      exitCode: 2,
      stdout: "",
      stderr: "Usage: knotwork export --clinic SLUG --client EMAIL [--format fhir|json]",
    };
  const { db } = database;
  const [clinic] = await db.select({ id: clinics.id }).from(clinics).where(eq(clinics.slug, values.clinic));
  if (!clinic) return { exitCode: 1, stdout: "", stderr: `No clinic "${values.clinic}".` };
  const [client] = await db
    .select({ id: clients.id, userId: clients.userId })
    .from(clients)
    .where(and(eq(clients.clinicId, clinic.id), sql`lower(${clients.email}) = lower(${values.client})`));
  if (!client)
    return { exitCode: 1, stdout: "", stderr: `No client with e-mail ${values.client} at ${values.clinic}.` };
  const data =
    format === "fhir"
      ? await exportClientFhir(db, clinic.id, client.id)
      : await exportClientData(db, clinic.id, client.id, client.userId);
  const { key } = await resolveAuditKey(config, database.engine);
  configureAudit({ key, checkpoints: null });
  await recordAudit(db, {
    clinicId: clinic.id,
    actorUserId: null,
    actorRole: "cli",
    action: "export",
    entity: format === "fhir" ? "fhir_bundle" : "client",
    entityId: client.id,
    clientId: client.id,
  });
  return { exitCode: 0, stdout: `${JSON.stringify(data, null, 2)}\n`, stderr: "" };
}

export async function runExportCommand(args: string[], config: Config): Promise<number> {
  const { openMigratedDatabase } = await import("../main");
  const { serverHoldsDataDir } = await import("../backup/control");
  if (!config.databaseUrl && (await serverHoldsDataDir(config.dataDir))) {
    console.error(
      `A Knotwork server is running on ${config.dataDir} (the embedded database serves one process). Use the API (GET /api/clients/{id}/export?format=fhir) or stop the server first.`,
    );
    return 1;
  }
  const database = await openMigratedDatabase(config);
  try {
    const result = await exportToText(database, config, args);
    if (result.stdout) process.stdout.write(result.stdout);
    if (result.stderr) console.error(result.stderr);
    return result.exitCode;
  } finally {
    await database.close();
  }
}
