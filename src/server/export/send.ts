/** One answer for both export routes (staff and the client's own): the chosen format, audited, as a download. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ClientExport } from "../../core/api/intake";
import type { ExportFormat } from "../../core/api/records";
import type { FhirBundle } from "../../core/fhir";
import { recordAudit } from "../audit/audit";
import type { Scope } from "../auth/access";
import type { Db } from "../db/connect";
import { notFound } from "../http/errors";
import { exportClientData } from "../portal/export";
import { exportClientFhir } from "./fhir";

export async function sendClientExport(
  db: Db,
  scope: Scope,
  clientId: string,
  format: ExportFormat,
  request: FastifyRequest,
  reply: FastifyReply,
  userIdOfClient: string | null,
): Promise<ClientExport | FhirBundle> {
  const now = new Date();
  const data =
    format === "fhir"
      ? await exportClientFhir(db, scope.clinicId, clientId, now)
      : await exportClientData(db, scope.clinicId, clientId, userIdOfClient, now);
  if (!data) throw notFound("Client not found.");
  await recordAudit(db, {
    clinicId: scope.clinicId,
    actorUserId: scope.userId,
    actorRole: scope.role,
    action: "export",
    entity: format === "fhir" ? "fhir_bundle" : "client",
    entityId: clientId,
    clientId,
    ip: request.ip,
  });
  const day = now.toISOString().slice(0, 10);
  const name = scope.role === "client" ? "knotwork-my-data" : `knotwork-client-${clientId.slice(0, 8)}`;
  reply.header(
    "content-disposition",
    `attachment; filename="${name}-${day}${format === "fhir" ? ".fhir" : ""}.json"`,
  );
  reply.header("cache-control", "no-store");
  if (format === "fhir") reply.type("application/fhir+json");
  return data;
}
