CREATE TABLE "report_booked_days" (
	"clinic_id" uuid NOT NULL,
	"day" date NOT NULL,
	"therapist_id" uuid NOT NULL,
	"room_id" uuid,
	"appointments" integer NOT NULL,
	"seconds" numeric NOT NULL,
	CONSTRAINT "report_booked_days_key" UNIQUE NULLS NOT DISTINCT("clinic_id","day","therapist_id","room_id")
);
--> statement-breakpoint
CREATE TABLE "report_client_firsts" (
	"clinic_id" uuid NOT NULL,
	"client_ref" uuid NOT NULL,
	"first_visit_at" timestamp with time zone NOT NULL,
	"again_at" timestamp with time zone,
	CONSTRAINT "report_client_firsts_clinic_id_client_ref_pk" PRIMARY KEY("clinic_id","client_ref")
);
--> statement-breakpoint
CREATE TABLE "report_clinic_days" (
	"clinic_id" uuid NOT NULL,
	"day" date NOT NULL,
	"status" "appointment_status" NOT NULL,
	"source" "appointment_source" NOT NULL,
	"expiring" boolean NOT NULL,
	"late" boolean NOT NULL,
	"appointments" integer NOT NULL,
	CONSTRAINT "report_clinic_days_clinic_id_day_status_source_expiring_late_pk" PRIMARY KEY("clinic_id","day","status","source","expiring","late")
);
--> statement-breakpoint
CREATE TABLE "report_confirmations" (
	"clinic_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"flagged" boolean NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_confirmations_clinic_id_appointment_id_pk" PRIMARY KEY("clinic_id","appointment_id")
);
--> statement-breakpoint
ALTER TABLE "report_booked_days" ADD CONSTRAINT "report_booked_days_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_client_firsts" ADD CONSTRAINT "report_client_firsts_clinic_id_client_ref_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_ref") REFERENCES "public"."clients"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_clinic_days" ADD CONSTRAINT "report_clinic_days_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_confirmations" ADD CONSTRAINT "report_confirmations_clinic_id_appointment_id_appointments_clinic_id_id_fk" FOREIGN KEY ("clinic_id","appointment_id") REFERENCES "public"."appointments"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_booked_days_therapist_idx" ON "report_booked_days" USING btree ("clinic_id","therapist_id","day");--> statement-breakpoint
CREATE INDEX "report_booked_days_empty_idx" ON "report_booked_days" USING btree ("clinic_id") WHERE appointments = 0;--> statement-breakpoint
CREATE INDEX "report_client_firsts_first_idx" ON "report_client_firsts" USING btree ("clinic_id","first_visit_at");--> statement-breakpoint
CREATE INDEX "report_clinic_days_empty_idx" ON "report_clinic_days" USING btree ("clinic_id") WHERE appointments = 0;--> statement-breakpoint
CREATE INDEX "report_confirmations_start_idx" ON "report_confirmations" USING btree ("clinic_id","starts_at");--> statement-breakpoint
CREATE INDEX "report_confirmations_therapist_idx" ON "report_confirmations" USING btree ("clinic_id","therapist_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_completed_idx" ON "appointments" USING btree ("clinic_id","client_id","starts_at") WHERE status = 'completed';--> statement-breakpoint
CREATE INDEX "appointments_missed_idx" ON "appointments" USING btree ("clinic_id","starts_at") WHERE status IN ('no_show', 'cancelled');--> statement-breakpoint
-- The reports' summaries (docs/decisions/0024-reports-summary.md) are kept by the database itself, in
-- the transaction that changes an appointment or records a confirmation, so no code path can forget
-- them. Statement-level triggers with transition tables: a bulk insert of 200,000 appointments is one
-- grouped upsert, a single status change a handful of index look-ups.
--
-- The statements that fold appointment rows (with a sign: +1 added, -1 removed) into the per-day
-- summaries; `source` is a query over rows of appointments with a `sign` column. Shared by the
-- triggers and by report_rebuild, so the two cannot count differently. "Late" is the clinic's own
-- cancellation window (a change of it rebuilds the clinic, see below).
CREATE FUNCTION report_clinic_days_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO report_clinic_days AS r (clinic_id, day, status, source, expiring, late, appointments)
    SELECT x.clinic_id, (x.starts_at AT TIME ZONE c.time_zone)::date, x.status, x.source,
      x.request_expires_at IS NOT NULL,
      COALESCE(x.status = 'cancelled' AND x.updated_at > x.starts_at
        - make_interval(hours => (c.policies->>'cancellationWindowHours')::int), false),
      sum(x.sign)::int
    FROM (%s) x JOIN clinics c ON c.id = x.clinic_id
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(x.sign) <> 0
    ON CONFLICT (clinic_id, day, status, source, expiring, late) DO UPDATE
      SET appointments = r.appointments + excluded.appointments
  $q$, source)
$$;
--> statement-breakpoint
CREATE FUNCTION report_booked_days_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO report_booked_days AS r (clinic_id, day, therapist_id, room_id, appointments, seconds)
    SELECT x.clinic_id, (x.starts_at AT TIME ZONE c.time_zone)::date, x.therapist_id, x.room_id,
      sum(x.sign)::int, sum(x.sign * extract(epoch FROM x.ends_at - x.starts_at))
    FROM (%s) x JOIN clinics c ON c.id = x.clinic_id
    WHERE x.status IN ('confirmed', 'completed', 'no_show')
    GROUP BY 1, 2, 3, 4
    HAVING sum(x.sign) <> 0 OR sum(x.sign * extract(epoch FROM x.ends_at - x.starts_at)) <> 0
    ON CONFLICT ON CONSTRAINT report_booked_days_key DO UPDATE
      SET appointments = r.appointments + excluded.appointments, seconds = r.seconds + excluded.seconds
  $q$, source)
$$;
--> statement-breakpoint
-- Each touched client's first visit and first booking after it, recomputed from appointments.
CREATE FUNCTION report_client_firsts_sql(clients text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    WITH t AS (SELECT DISTINCT clinic_id, client_id FROM (%s) t),
    f AS (
      SELECT t.clinic_id, t.client_id, (SELECT min(a.starts_at) FROM appointments a
        WHERE a.clinic_id = t.clinic_id AND a.client_id = t.client_id AND a.status = 'completed') AS first_at
      FROM t
    ), gone AS (
      DELETE FROM report_client_firsts r USING f
      WHERE f.first_at IS NULL AND r.clinic_id = f.clinic_id AND r.client_ref = f.client_id
    )
    INSERT INTO report_client_firsts AS r (clinic_id, client_ref, first_visit_at, again_at)
    SELECT f.clinic_id, f.client_id, f.first_at, (SELECT min(a.starts_at) FROM appointments a
        WHERE a.clinic_id = f.clinic_id AND a.client_id = f.client_id
          AND a.status IN ('requested', 'confirmed', 'completed', 'no_show') AND a.starts_at > f.first_at)
    FROM f WHERE f.first_at IS NOT NULL
    ON CONFLICT (clinic_id, client_ref) DO UPDATE
      SET first_visit_at = excluded.first_visit_at, again_at = excluded.again_at
      WHERE (r.first_visit_at, r.again_at) IS DISTINCT FROM (excluded.first_visit_at, excluded.again_at)
  $q$, clients)
$$;
--> statement-breakpoint
-- A confirmed appointment's row in report_confirmations, from the appointment and its confirm events.
CREATE FUNCTION report_confirmations_sql(appointments text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO report_confirmations AS r (clinic_id, appointment_id, therapist_id, starts_at, created_at, flagged,
      confirmed_at)
    SELECT n.clinic_id, n.id, n.therapist_id, n.starts_at, n.created_at,
      n.status IN ('requested', 'declined') OR n.request_expires_at IS NOT NULL, min(e.at)
    FROM (%s) n JOIN audit_events e ON e.clinic_id = n.clinic_id AND e.entity_id = n.id::text
      AND e.action = 'confirm' AND e.entity = 'appointment'
    GROUP BY n.clinic_id, n.id, n.therapist_id, n.starts_at, n.created_at, n.status, n.request_expires_at
    ON CONFLICT (clinic_id, appointment_id) DO UPDATE
      SET therapist_id = excluded.therapist_id, starts_at = excluded.starts_at, created_at = excluded.created_at,
        flagged = excluded.flagged, confirmed_at = excluded.confirmed_at
      WHERE (r.therapist_id, r.starts_at, r.created_at, r.flagged, r.confirmed_at)
        IS DISTINCT FROM (excluded.therapist_id, excluded.starts_at, excluded.created_at, excluded.flagged,
          excluded.confirmed_at)
  $q$, appointments)
$$;
--> statement-breakpoint
CREATE FUNCTION report_appointments_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols constant text := 'id, clinic_id, client_id, therapist_id, room_id, status, source, starts_at, ends_at, '
    'created_at, updated_at, request_expires_at';
  changes text;
BEGIN
  -- The transition tables are visible to the dynamic statements run here (same SPI connection).
  IF TG_OP = 'INSERT' THEN
    changes := format('SELECT %s, 1 AS sign FROM new_rows', cols);
    EXECUTE report_confirmations_sql(format('SELECT %s FROM new_rows', cols));
  ELSIF TG_OP = 'DELETE' THEN
    changes := format('SELECT %s, -1 AS sign FROM old_rows', cols);
    -- report_confirmations rows go with their appointment (foreign key, on delete cascade).
  ELSE
    changes := format('SELECT %1$s, 1 AS sign FROM new_rows UNION ALL SELECT %1$s, -1 FROM old_rows', cols);
    EXECUTE report_confirmations_sql(format('SELECT %s FROM new_rows', cols));
  END IF;
  EXECUTE report_clinic_days_sql(changes);
  EXECUTE report_booked_days_sql(changes);
  -- Keys that dropped to nothing (partial indexes find them at once).
  DELETE FROM report_clinic_days WHERE appointments = 0;
  DELETE FROM report_booked_days WHERE appointments = 0;
  EXECUTE report_client_firsts_sql(changes);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_appointments_inserted AFTER INSERT ON "appointments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_appointments_changed();
--> statement-breakpoint
CREATE TRIGGER report_appointments_updated AFTER UPDATE ON "appointments"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_appointments_changed();
--> statement-breakpoint
CREATE TRIGGER report_appointments_deleted AFTER DELETE ON "appointments"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_appointments_changed();
--> statement-breakpoint
-- A confirm event: the appointment's confirmation time is its first one. The audit log is append-only,
-- so only inserts matter.
CREATE FUNCTION report_audit_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The earliest of the new events per appointment, kept if earlier than the one already recorded
  -- (which is the earliest of the events before): no read of the audit log itself.
  INSERT INTO report_confirmations AS r (clinic_id, appointment_id, therapist_id, starts_at, created_at, flagged,
    confirmed_at)
  SELECT a.clinic_id, a.id, a.therapist_id, a.starts_at, a.created_at,
    a.status IN ('requested', 'declined') OR a.request_expires_at IS NOT NULL, e.at
  FROM (
    SELECT e.clinic_id, CASE WHEN e.entity_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      THEN e.entity_id::uuid END AS appointment_id, min(e.at) AS at
    FROM new_events e WHERE e.action = 'confirm' AND e.entity = 'appointment' GROUP BY 1, 2
  ) e JOIN appointments a ON a.clinic_id = e.clinic_id AND a.id = e.appointment_id
  ON CONFLICT (clinic_id, appointment_id) DO UPDATE SET confirmed_at = least(r.confirmed_at, excluded.confirmed_at);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_audit_recorded AFTER INSERT ON "audit_events"
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION report_audit_recorded();
--> statement-breakpoint
-- Recomputes one clinic's summaries from its appointments and audit log: the back-fill below, and a
-- change of the clinic's time zone (the summaries' days are local days) or cancellation window.
CREATE FUNCTION report_rebuild(clinic uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  everything text := format($q$SELECT a.*, 1 AS sign FROM appointments a WHERE a.clinic_id = %L::uuid$q$, clinic);
BEGIN
  DELETE FROM report_clinic_days WHERE clinic_id = clinic;
  DELETE FROM report_booked_days WHERE clinic_id = clinic;
  DELETE FROM report_confirmations WHERE clinic_id = clinic;
  DELETE FROM report_client_firsts WHERE clinic_id = clinic;
  EXECUTE report_clinic_days_sql(everything);
  EXECUTE report_booked_days_sql(everything);
  EXECUTE report_confirmations_sql(everything);
  EXECUTE report_client_firsts_sql(everything);
END;
$$;
--> statement-breakpoint
CREATE FUNCTION report_clinic_settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_rebuild(NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_clinic_settings_changed AFTER UPDATE OF time_zone, policies ON "clinics"
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone
    OR OLD.policies->'cancellationWindowHours' IS DISTINCT FROM NEW.policies->'cancellationWindowHours')
  EXECUTE FUNCTION report_clinic_settings_changed();
--> statement-breakpoint
SELECT report_rebuild(id) FROM clinics;
