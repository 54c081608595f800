-- No double booking, ever (docs/product.md F4): the database refuses a second appointment in a holding
-- status (requested, confirmed) whose blocked time range overlaps another's for the same therapist
-- or the same room. Ranges are half-open [from, until), so back-to-back appointments are allowed.
-- btree_gist lets the GiST index combine equality on uuid columns with range overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_blocks_valid" CHECK ("blocks_from" <= "starts_at" AND "starts_at" < "ends_at" AND "ends_at" <= "blocks_until");
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_therapist_overlap"
  EXCLUDE USING gist ("clinic_id" WITH =, "therapist_id" WITH =, tstzrange("blocks_from", "blocks_until", '[)') WITH &&)
  WHERE ("status" IN ('requested', 'confirmed'));
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_room_overlap"
  EXCLUDE USING gist ("clinic_id" WITH =, "room_id" WITH =, tstzrange("blocks_from", "blocks_until", '[)') WITH &&)
  WHERE ("status" IN ('requested', 'confirmed') AND "room_id" IS NOT NULL);
--> statement-breakpoint
ALTER TABLE "time_off" ADD CONSTRAINT "time_off_valid" CHECK ("starts_at" < "ends_at");
--> statement-breakpoint
ALTER TABLE "working_hours" ADD CONSTRAINT "working_hours_valid" CHECK ("weekday" BETWEEN 0 AND 6 AND "start_time" < "end_time");
--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_duration_valid" CHECK ("duration_min" BETWEEN 5 AND 480 AND "buffer_before_min" >= 0 AND "buffer_after_min" >= 0);
--> statement-breakpoint
-- The audit log is append-only: updates and deletes are refused by the database itself.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
