ALTER TABLE "treatment_sessions" ADD COLUMN "kind" text DEFAULT 'session' NOT NULL;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD COLUMN "client_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "trigger_point_records" ADD COLUMN "region_id" text;--> statement-breakpoint
ALTER TABLE "trigger_point_records" ADD COLUMN "ordinal" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "note_amendments_session_idx" ON "note_amendments" USING btree ("clinic_id","session_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_sessions_appointment_key" ON "treatment_sessions" USING btree ("clinic_id","appointment_id");--> statement-breakpoint
CREATE INDEX "treatment_sessions_unsigned_idx" ON "treatment_sessions" USING btree ("clinic_id","created_at") WHERE "treatment_sessions"."signed_at" is null;--> statement-breakpoint
CREATE INDEX "trigger_point_records_session_idx" ON "trigger_point_records" USING btree ("clinic_id","session_id");