ALTER TABLE "clinics" ADD COLUMN "schedule_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The clinic's schedule version (docs/decisions/0027-schedule-cache.md): servers cache what the slot
-- engine reads about a clinic apart from busy time, and the booking write checks this number, so it
-- must change with every change to that data, whoever makes it. Values come from one sequence, so a
-- clinic deleted and created again (a restore) never gets back a number a server may have cached.
CREATE SEQUENCE "clinic_schedule_version_seq";
--> statement-breakpoint
UPDATE "clinics" SET "schedule_version" = nextval('clinic_schedule_version_seq');
--> statement-breakpoint
-- Any insert or update of the clinic row itself (time zone, policies, slug, name…) takes a new number,
-- unless the statement is one of the triggers below setting a new number already.
CREATE FUNCTION clinic_schedule_version_on_clinic() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.schedule_version = OLD.schedule_version THEN
    NEW.schedule_version := nextval('clinic_schedule_version_seq');
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER clinic_schedule_version_on_clinic BEFORE INSERT OR UPDATE ON "clinics"
  FOR EACH ROW EXECUTE FUNCTION clinic_schedule_version_on_clinic();
--> statement-breakpoint
-- A change to a clinic's services, therapists, hours, overrides, time off or rooms: one update of
-- each clinic touched, per statement (a seed writing 500 working hours bumps its clinic once). A
-- clinic being deleted is already gone when its rows cascade, so the update finds nothing.
CREATE FUNCTION clinic_schedule_version_on_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE clinics SET schedule_version = nextval('clinic_schedule_version_seq')
      WHERE id IN (SELECT clinic_id FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE clinics SET schedule_version = nextval('clinic_schedule_version_seq')
      WHERE id IN (SELECT clinic_id FROM new_rows UNION SELECT clinic_id FROM old_rows);
  ELSE
    UPDATE clinics SET schedule_version = nextval('clinic_schedule_version_seq')
      WHERE id IN (SELECT clinic_id FROM old_rows);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- TRUNCATE, which row triggers never see: every clinic takes a new number.
CREATE FUNCTION clinic_schedule_version_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE clinics SET schedule_version = nextval('clinic_schedule_version_seq');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['services', 'therapists', 'working_hours', 'date_overrides', 'time_off', 'rooms'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION clinic_schedule_version_on_rows()', t || '_schedule_version_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION clinic_schedule_version_on_rows()', t || '_schedule_version_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION clinic_schedule_version_on_rows()', t || '_schedule_version_del', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION clinic_schedule_version_on_truncate()', t || '_schedule_version_trunc', t);
  END LOOP;
END;
$$;
