/** Configures the audit log for the app: its key, and where its signed checkpoints go. */
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { configureAudit } from "./audit";
import { CheckpointLog } from "./checkpoints";
import { resolveAuditKey } from "./key";

export const auditPlugin = fp(async (app: FastifyInstance) => {
  const { config } = app;
  const { key } = await resolveAuditKey(config, app.database.engine);
  const checkpoints = new CheckpointLog(
    key,
    config.auditCheckpointFile,
    config.auditCheckpointSeconds * 1000,
    (c) => app.log.info({ auditCheckpoint: c }, "audit checkpoint"),
  );
  configureAudit({ key, checkpoints });
  // Trailing checkpoints go out before the database closes (it closes after the app).
  app.addHook("onClose", () => checkpoints.flush());
});
