-- The retention purge (docs/decisions/0019-backup-and-erasure.md) is the one writer allowed to delete
-- signed notes, their points and amendments: once an erased client's retention has run out, their
-- clinical record must go. It says so with a setting local to its transaction
-- (`SELECT set_config('knotwork.retention_purge', 'on', true)`); nothing else sets it, and an UPDATE
-- of a signed note stays refused even then.
CREATE OR REPLACE FUNCTION treatment_sessions_sign_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('knotwork.retention_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  IF OLD."signed_at" IS NOT NULL THEN
    RAISE EXCEPTION 'treatment session % is signed and locked', OLD."id" USING ERRCODE = 'KW001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION trigger_point_records_sign_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('knotwork.retention_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (
    SELECT 1 FROM "treatment_sessions" s
    WHERE s."clinic_id" = OLD."clinic_id" AND s."id" = OLD."session_id" AND s."signed_at" IS NOT NULL
  ) THEN
    RAISE EXCEPTION 'trigger point % belongs to a signed session', OLD."id" USING ERRCODE = 'KW001';
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (
    SELECT 1 FROM "treatment_sessions" s
    WHERE s."clinic_id" = NEW."clinic_id" AND s."id" = NEW."session_id" AND s."signed_at" IS NOT NULL
  ) THEN
    RAISE EXCEPTION 'session % is signed: its trigger points are locked', NEW."session_id" USING ERRCODE = 'KW001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION note_amendments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (
      SELECT 1 FROM "treatment_sessions" s
      WHERE s."clinic_id" = NEW."clinic_id" AND s."id" = NEW."session_id" AND s."signed_at" IS NOT NULL
    ) THEN
      RAISE EXCEPTION 'only a signed note is amended' USING ERRCODE = 'KW001';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND current_setting('knotwork.retention_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'note_amendments is append-only' USING ERRCODE = 'KW001';
END;
$$;
