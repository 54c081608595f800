-- Sign and lock (docs/product.md F6, docs/decisions/0013-charting.md): a signed note and its trigger
-- points can no longer change, and the database itself refuses it, whatever the route does.
-- Errors carry SQLSTATE KW001 so the server answers 409 instead of 500.
--
-- treatment_sessions: a row whose OLD signed_at is set can be neither updated nor deleted. The
-- signing UPDATE itself is allowed because it is judged by the row as it was (unsigned); it may
-- also carry the last edit, which is what the therapist signed. Un-signing is an UPDATE of a signed
-- row, so it is refused too.
CREATE OR REPLACE FUNCTION treatment_sessions_sign_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
CREATE TRIGGER treatment_sessions_signed_locked BEFORE UPDATE OR DELETE ON "treatment_sessions"
  FOR EACH ROW EXECUTE FUNCTION treatment_sessions_sign_lock();
--> statement-breakpoint
-- trigger_point_records: no point of a signed session may be added, changed or removed (and a
-- point cannot be moved into or out of a signed session by changing its session_id).
CREATE OR REPLACE FUNCTION trigger_point_records_sign_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
CREATE TRIGGER trigger_point_records_signed_locked BEFORE INSERT OR UPDATE OR DELETE ON "trigger_point_records"
  FOR EACH ROW EXECUTE FUNCTION trigger_point_records_sign_lock();
--> statement-breakpoint
-- note_amendments: append-only, and only to a signed note (an unsigned one is simply edited).
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
  RAISE EXCEPTION 'note_amendments is append-only' USING ERRCODE = 'KW001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER note_amendments_append_only BEFORE INSERT OR UPDATE OR DELETE ON "note_amendments"
  FOR EACH ROW EXECUTE FUNCTION note_amendments_append_only();
--> statement-breakpoint
CREATE TRIGGER note_amendments_no_truncate BEFORE TRUNCATE ON "note_amendments"
  FOR EACH STATEMENT EXECUTE FUNCTION note_amendments_append_only();
