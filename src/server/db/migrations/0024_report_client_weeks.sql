CREATE TABLE "report_client_days" (
	"clinic_id" uuid NOT NULL,
	"client_ref" uuid NOT NULL,
	"day" date NOT NULL,
	"prev_day" date,
	CONSTRAINT "report_client_days_clinic_id_client_ref_day_pk" PRIMARY KEY("clinic_id","client_ref","day")
);
--> statement-breakpoint
CREATE TABLE "report_client_first_days" (
	"clinic_id" uuid NOT NULL,
	"day" date NOT NULL,
	"clients" integer NOT NULL,
	"rebooked" integer NOT NULL,
	CONSTRAINT "report_client_first_days_clinic_id_day_pk" PRIMARY KEY("clinic_id","day")
);
--> statement-breakpoint
CREATE TABLE "report_client_weeks" (
	"clinic_id" uuid NOT NULL,
	"week" date NOT NULL,
	"prev_day" date,
	"clients" integer NOT NULL,
	CONSTRAINT "report_client_weeks_key" UNIQUE NULLS NOT DISTINCT("clinic_id","week","prev_day")
);
--> statement-breakpoint
ALTER TABLE "report_client_days" ADD CONSTRAINT "report_client_days_clinic_id_client_ref_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_ref") REFERENCES "public"."clients"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_client_first_days" ADD CONSTRAINT "report_client_first_days_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_client_weeks" ADD CONSTRAINT "report_client_weeks_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_client_days_day_idx" ON "report_client_days" USING btree ("clinic_id","day","prev_day");--> statement-breakpoint
CREATE INDEX "report_client_first_days_empty_idx" ON "report_client_first_days" USING btree ("clinic_id") WHERE clients = 0;--> statement-breakpoint
CREATE INDEX "report_client_weeks_empty_idx" ON "report_client_weeks" USING btree ("clinic_id") WHERE clients = 0;--> statement-breakpoint
-- The clients report's summaries (docs/decisions/0024-reports-summary.md, amendment "clients"):
-- report_client_days holds each client's visit days (local days with a completed appointment) and
-- the visit day before each; report_client_weeks counts the rows that open a client's week;
-- report_client_first_days counts report_client_firsts per day of the first visit. All are derived
-- by the database alone, in the transaction that changes an appointment.
--
-- The SQL that recomputes the visit days of the touched clients (`clients`: a query returning
-- clinic_id, client_id), shared by the appointments triggers and the rebuild. First the days that
-- have no completed appointment any more go, then the clients' days are upserted with their previous
-- day (a new, moved or removed visit changes the previous day of the visit after it).
CREATE FUNCTION report_client_days_forget_sql(clients text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    DELETE FROM report_client_days r USING (SELECT DISTINCT clinic_id, client_id FROM (%s) t) t
    WHERE r.clinic_id = t.clinic_id AND r.client_ref = t.client_id
      AND NOT EXISTS (SELECT 1 FROM appointments a JOIN clinics c ON c.id = a.clinic_id
        WHERE a.clinic_id = r.clinic_id AND a.client_id = r.client_ref AND a.status = 'completed'
          -- Any zone's local day lies within these UTC bounds (for the index); the last test is exact.
          AND a.starts_at >= ((r.day - 1)::timestamp AT TIME ZONE 'UTC')
          AND a.starts_at < ((r.day + 2)::timestamp AT TIME ZONE 'UTC')
          AND (a.starts_at AT TIME ZONE c.time_zone)::date = r.day)
  $q$, clients)
$$;
--> statement-breakpoint
CREATE FUNCTION report_client_days_sql(clients text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO report_client_days AS r (clinic_id, client_ref, day, prev_day)
    SELECT v.clinic_id, v.client_id, v.day, lag(v.day) OVER (PARTITION BY v.clinic_id, v.client_id ORDER BY v.day)
    FROM (
      SELECT DISTINCT a.clinic_id, a.client_id, (a.starts_at AT TIME ZONE c.time_zone)::date AS day
      FROM (SELECT DISTINCT clinic_id, client_id FROM (%s) t) t
      JOIN appointments a ON a.clinic_id = t.clinic_id AND a.client_id = t.client_id AND a.status = 'completed'
      JOIN clinics c ON c.id = a.clinic_id
    ) v
    ON CONFLICT (clinic_id, client_ref, day) DO UPDATE SET prev_day = excluded.prev_day
      WHERE r.prev_day IS DISTINCT FROM excluded.prev_day
  $q$, clients)
$$;
--> statement-breakpoint
-- Folds report_client_days rows (with a sign: +1 added, -1 removed) into report_client_weeks: only the
-- rows that open a client's week (no previous day, or one before the week's Monday) are counted.
CREATE FUNCTION report_client_weeks_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO report_client_weeks AS g (clinic_id, week, prev_day, clients)
    SELECT x.clinic_id, x.week, x.prev_day, sum(x.sign)::int
    FROM (SELECT s.*, s.day - (extract(isodow FROM s.day)::int - 1) AS week FROM (%s) s) x
    WHERE x.prev_day IS NULL OR x.prev_day < x.week
    GROUP BY 1, 2, 3
    HAVING sum(x.sign) <> 0
    ON CONFLICT ON CONSTRAINT report_client_weeks_key DO UPDATE SET clients = g.clients + excluded.clients
  $q$, source)
$$;
--> statement-breakpoint
-- report_client_weeks follows report_client_days' own row changes (transition tables hold exactly the
-- rows each statement changed), so the two always agree, whatever runs concurrently.
CREATE FUNCTION report_client_days_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE report_client_weeks_sql('SELECT clinic_id, day, prev_day, 1 AS sign FROM new_days');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE report_client_weeks_sql('SELECT clinic_id, day, prev_day, -1 AS sign FROM old_days');
  ELSE
    EXECUTE report_client_weeks_sql('SELECT clinic_id, day, prev_day, 1 AS sign FROM new_days
      UNION ALL SELECT clinic_id, day, prev_day, -1 FROM old_days');
  END IF;
  DELETE FROM report_client_weeks WHERE clients = 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_client_days_inserted AFTER INSERT ON "report_client_days"
  REFERENCING NEW TABLE AS new_days FOR EACH STATEMENT EXECUTE FUNCTION report_client_days_changed();
--> statement-breakpoint
CREATE TRIGGER report_client_days_updated AFTER UPDATE ON "report_client_days"
  REFERENCING OLD TABLE AS old_days NEW TABLE AS new_days FOR EACH STATEMENT EXECUTE FUNCTION report_client_days_changed();
--> statement-breakpoint
CREATE TRIGGER report_client_days_deleted AFTER DELETE ON "report_client_days"
  REFERENCING OLD TABLE AS old_days FOR EACH STATEMENT EXECUTE FUNCTION report_client_days_changed();
--> statement-breakpoint
-- Appointment changes: the clients with a completed appointment among the old or new rows (only those
-- can have gained or lost a visit day) get their visit days recomputed. The names sort after
-- report_appointments_* (triggers fire in name order): the client's report_client_firsts row is locked
-- first, so two writers of one client queue there rather than lock visit days in opposite orders.
CREATE FUNCTION report_client_days_appointments_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched text;
BEGIN
  -- The transition tables are visible to the dynamic statements run here (same SPI connection).
  IF TG_OP = 'INSERT' THEN
    touched := $q$SELECT clinic_id, client_id FROM new_rows WHERE status = 'completed'$q$;
  ELSIF TG_OP = 'DELETE' THEN
    touched := $q$SELECT clinic_id, client_id FROM old_rows WHERE status = 'completed'$q$;
  ELSE
    touched := $q$SELECT clinic_id, client_id FROM new_rows WHERE status = 'completed'
      UNION ALL SELECT clinic_id, client_id FROM old_rows WHERE status = 'completed'$q$;
  END IF;
  EXECUTE report_client_days_forget_sql(touched);
  EXECUTE report_client_days_sql(touched);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_client_days_appointments_inserted AFTER INSERT ON "appointments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_client_days_appointments_changed();
--> statement-breakpoint
CREATE TRIGGER report_client_days_appointments_updated AFTER UPDATE ON "appointments"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION report_client_days_appointments_changed();
--> statement-breakpoint
CREATE TRIGGER report_client_days_appointments_deleted AFTER DELETE ON "appointments"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_client_days_appointments_changed();
--> statement-breakpoint
-- report_client_first_days follows report_client_firsts (migration reports_summary) the same way:
-- its rows (with a sign) counted per local day of the first visit, and whether the client booked
-- again within 56 days of it (the retention period, as 56 × 24 hours).
CREATE FUNCTION report_client_first_days_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO report_client_first_days AS d (clinic_id, day, clients, rebooked)
    SELECT x.clinic_id, (x.first_visit_at AT TIME ZONE c.time_zone)::date, sum(x.sign)::int,
      COALESCE(sum(x.sign) FILTER (WHERE x.again_at <= x.first_visit_at + interval '1344 hours'), 0)::int
    FROM (%s) x JOIN clinics c ON c.id = x.clinic_id
    GROUP BY 1, 2
    HAVING sum(x.sign) <> 0 OR sum(x.sign) FILTER (WHERE x.again_at <= x.first_visit_at + interval '1344 hours') <> 0
    ON CONFLICT (clinic_id, day) DO UPDATE
      SET clients = d.clients + excluded.clients, rebooked = d.rebooked + excluded.rebooked
  $q$, source)
$$;
--> statement-breakpoint
CREATE FUNCTION report_client_firsts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols constant text := 'clinic_id, first_visit_at, again_at';
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE report_client_first_days_sql(format('SELECT %s, 1 AS sign FROM new_firsts', cols));
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE report_client_first_days_sql(format('SELECT %s, -1 AS sign FROM old_firsts', cols));
  ELSE
    EXECUTE report_client_first_days_sql(
      format('SELECT %1$s, 1 AS sign FROM new_firsts UNION ALL SELECT %1$s, -1 FROM old_firsts', cols));
  END IF;
  DELETE FROM report_client_first_days WHERE clients = 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_client_firsts_inserted AFTER INSERT ON "report_client_firsts"
  REFERENCING NEW TABLE AS new_firsts FOR EACH STATEMENT EXECUTE FUNCTION report_client_firsts_changed();
--> statement-breakpoint
CREATE TRIGGER report_client_firsts_updated AFTER UPDATE ON "report_client_firsts"
  REFERENCING OLD TABLE AS old_firsts NEW TABLE AS new_firsts FOR EACH STATEMENT EXECUTE FUNCTION report_client_firsts_changed();
--> statement-breakpoint
CREATE TRIGGER report_client_firsts_deleted AFTER DELETE ON "report_client_firsts"
  REFERENCING OLD TABLE AS old_firsts FOR EACH STATEMENT EXECUTE FUNCTION report_client_firsts_changed();
--> statement-breakpoint
-- One clinic's visit days from scratch. The old days are deleted first (their trigger takes them out
-- of the weekly counts), then the weekly counts themselves, so a wrong count cannot survive a rebuild.
CREATE FUNCTION report_client_days_rebuild(clinic uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_client_days WHERE clinic_id = clinic;
  DELETE FROM report_client_weeks WHERE clinic_id = clinic;
  EXECUTE report_client_days_sql(format(
    $q$SELECT clinic_id, client_id FROM appointments WHERE clinic_id = %L::uuid AND status = 'completed'$q$, clinic));
END;
$$;
--> statement-breakpoint
-- report_rebuild is wrapped, not rewritten: other migrations redefine it too (each summary adds its
-- part), so the definition in place when this one runs is kept under another name and called. The
-- firsts are deleted before it runs and the day counts after that (their trigger takes the firsts out
-- of them first), so a wrong count cannot survive; it then rebuilds the firsts, and the counts follow.
ALTER FUNCTION report_rebuild(uuid) RENAME TO report_rebuild_before_client_days;
--> statement-breakpoint
CREATE FUNCTION report_rebuild(clinic uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- The rebuild recomputes from its own snapshot while the per-change triggers recompute the clients
  -- they touch from theirs, so a write committed during a rebuild could be counted twice (a signing:
  -- two chains of steps) or lost (a completion: its weekly count deleted). It first waits out, and
  -- holds off until it commits, every writer the summaries follow: appointments (bookings pause; a
  -- rebuild runs only when a clinic's time zone or cancellation window changes) and the outcome
  -- steps' 32 client locks, taken in the triggers' order. No chart transaction writes appointments,
  -- so the two cannot be taken in the opposite order.
  LOCK TABLE appointments IN SHARE ROW EXCLUSIVE MODE;
  PERFORM pg_advisory_xact_lock(hashtext('report_pain_steps'), bucket) FROM generate_series(0, 31) AS bucket ORDER BY bucket;
  DELETE FROM report_client_firsts WHERE clinic_id = clinic;
  DELETE FROM report_client_first_days WHERE clinic_id = clinic;
  PERFORM report_rebuild_before_client_days(clinic);
  PERFORM report_client_days_rebuild(clinic);
END;
$$;
--> statement-breakpoint
SELECT report_rebuild(id) FROM clinics;
