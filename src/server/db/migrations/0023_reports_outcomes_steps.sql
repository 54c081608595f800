CREATE TABLE "report_muscle_regions" (
	"muscle_id" text PRIMARY KEY NOT NULL,
	"region" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_outcome_keys" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_outcome_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "report_outcome_keys_key" UNIQUE("kind","key")
);
--> statement-breakpoint
CREATE TABLE "report_pain_steps" (
	"clinic_id" uuid NOT NULL,
	"client_ref" uuid NOT NULL,
	"key_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"prev_at" timestamp with time zone NOT NULL,
	"prev_prev_at" timestamp with time zone,
	"change" smallint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_pain_steps" ADD CONSTRAINT "report_pain_steps_clinic_id_client_ref_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_ref") REFERENCES "public"."clients"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_pain_steps_client_idx" ON "report_pain_steps" USING btree ("clinic_id","client_ref");--> statement-breakpoint
CREATE INDEX "report_pain_steps_prev_idx" ON "report_pain_steps" USING btree ("clinic_id","prev_at");--> statement-breakpoint
CREATE INDEX "treatment_sessions_therapist_created_idx" ON "treatment_sessions" USING btree ("clinic_id","therapist_id","created_at");--> statement-breakpoint
-- The atlas's regions (src/core/atlas, a muscle's `group`), as of this migration; outcomes-summary.test.ts
-- fails when the atlas and this table differ.
INSERT INTO "report_muscle_regions" ("muscle_id", "region") VALUES
  ('upper-trapezius', 'neck'),
  ('middle-trapezius', 'upper-back'),
  ('lower-trapezius', 'upper-back'),
  ('levator-scapulae', 'neck'),
  ('scm-sternal', 'neck'),
  ('scm-clavicular', 'neck'),
  ('suboccipitals', 'neck'),
  ('splenius-capitis', 'neck'),
  ('splenius-cervicis', 'neck'),
  ('scalenes', 'neck'),
  ('temporalis', 'head'),
  ('masseter', 'head'),
  ('lateral-pterygoid', 'head'),
  ('medial-pterygoid', 'head'),
  ('supraspinatus', 'shoulder'),
  ('infraspinatus', 'shoulder'),
  ('teres-minor', 'shoulder'),
  ('teres-major', 'shoulder'),
  ('subscapularis', 'shoulder'),
  ('latissimus-dorsi', 'mid-back'),
  ('serratus-anterior', 'chest'),
  ('serratus-posterior-superior', 'upper-back'),
  ('rhomboids', 'upper-back'),
  ('deltoid', 'shoulder'),
  ('pectoralis-major', 'chest'),
  ('pectoralis-minor', 'chest'),
  ('subclavius', 'chest'),
  ('biceps-brachii', 'arm'),
  ('triceps-brachii', 'arm'),
  ('brachioradialis', 'forearm'),
  ('supinator', 'forearm'),
  ('wrist-extensors', 'forearm'),
  ('finger-extensors', 'forearm'),
  ('wrist-finger-flexors', 'forearm'),
  ('quadratus-lumborum', 'low-back'),
  ('iliopsoas', 'low-back'),
  ('iliocostalis-thoracis', 'mid-back'),
  ('iliocostalis-lumborum', 'low-back'),
  ('longissimus-thoracis', 'low-back'),
  ('multifidi', 'low-back'),
  ('rectus-abdominis', 'abdomen'),
  ('gluteus-maximus', 'hip'),
  ('gluteus-medius', 'hip'),
  ('gluteus-minimus', 'hip'),
  ('piriformis', 'hip'),
  ('tfl', 'hip'),
  ('hamstrings-medial', 'thigh'),
  ('biceps-femoris', 'thigh'),
  ('rectus-femoris', 'thigh'),
  ('vastus-medialis', 'thigh'),
  ('vastus-lateralis', 'thigh'),
  ('vastus-intermedius', 'thigh'),
  ('adductor-longus-brevis', 'thigh'),
  ('gastrocnemius', 'leg'),
  ('soleus', 'leg'),
  ('tibialis-anterior', 'leg'),
  ('peroneus-longus-brevis', 'leg'),
  ('tibialis-posterior', 'leg'),
  ('extensor-digitorum-longus', 'leg'),
  ('long-toe-flexors', 'leg'),
  ('intrinsic-foot', 'foot');
--> statement-breakpoint
-- The atlas's muscles and regions by number; a muscle outside the atlas gets one when first counted.
INSERT INTO "report_outcome_keys" ("kind", "key")
SELECT 'muscle', muscle_id FROM report_muscle_regions
UNION SELECT 'region', region FROM report_muscle_regions
ORDER BY 1, 2;
--> statement-breakpoint
-- The outcomes report's steps (docs/decisions/0024-reports-summary.md, "outcomes by steps"). A client's
-- chain for a muscle (or region) is their signed sessions with a pain score that treated it, in
-- (created_at, id) order, the order the report ranks sessions in; a session with two points on one
-- muscle, or on two muscles of one region, is one link. Every link after the first is a row: its time,
-- the times of the two links before it, and the change in pain from the one before. Then, for a range,
-- the rows whose previous link lies in it telescope to "latest minus first" per client, and the row
-- whose link-before-previous lies before the range (or does not exist) is that client's one count.
--
-- The chains are recomputed whole for each touched client (a client has tens of sessions, not
-- thousands): `clients` is a query of (clinic_id, client_id) rows. One statement, so the triggers can
-- run it where their transition tables are visible; the DELETE and the INSERT see the same snapshot, so
-- the INSERT's rows are not deleted.
CREATE FUNCTION report_pain_steps_sql(clients text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    WITH t AS MATERIALIZED (SELECT DISTINCT clinic_id, client_id FROM (%s) t),
    gone AS (
      DELETE FROM report_pain_steps r USING t WHERE r.clinic_id = t.clinic_id AND r.client_ref = t.client_id
    ),
    link AS (
      SELECT DISTINCT s.clinic_id, s.client_id, s.created_at, s.id, s.pain_before, d.id AS key_id
      FROM t JOIN treatment_sessions s ON s.clinic_id = t.clinic_id AND s.client_id = t.client_id
        JOIN trigger_point_records p ON p.clinic_id = s.clinic_id AND p.session_id = s.id
        LEFT JOIN report_muscle_regions g ON g.muscle_id = p.muscle_id
        CROSS JOIN LATERAL (VALUES ('muscle', p.muscle_id), ('region', g.region)) AS k(kind, key)
        JOIN report_outcome_keys d ON d.kind = k.kind AND d.key = k.key
      WHERE s.signed_at IS NOT NULL AND s.pain_before IS NOT NULL
    ),
    chain AS (
      SELECT clinic_id, client_id, key_id, created_at, pain_before,
        lag(created_at) OVER w AS prev_at, lag(created_at, 2) OVER w AS prev_prev_at,
        lag(pain_before) OVER w AS prev_pain
      FROM link WINDOW w AS (PARTITION BY clinic_id, client_id, key_id ORDER BY created_at, id)
    )
    INSERT INTO report_pain_steps (clinic_id, client_ref, key_id, at, prev_at, prev_prev_at, change)
    SELECT clinic_id, client_id, key_id, created_at, prev_at, prev_prev_at, pain_before - prev_pain
    FROM chain WHERE prev_at IS NOT NULL
  $q$, clients)
$$;
--> statement-breakpoint
-- Numbers for muscles outside the atlas (the atlas's are in already), run before report_pain_steps_sql
-- as a statement of its own, so that the steps' statement sees them.
CREATE FUNCTION report_pain_keys_sql(clients text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO report_outcome_keys (kind, key)
    SELECT DISTINCT 'muscle', p.muscle_id
    FROM (SELECT DISTINCT clinic_id, client_id FROM (%s) t) t
      JOIN treatment_sessions s ON s.clinic_id = t.clinic_id AND s.client_id = t.client_id
      JOIN trigger_point_records p ON p.clinic_id = s.clinic_id AND p.session_id = s.id
    WHERE s.signed_at IS NOT NULL AND s.pain_before IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM report_outcome_keys d WHERE d.kind = 'muscle' AND d.key = p.muscle_id)
    ON CONFLICT (kind, key) DO NOTHING
  $q$, clients)
$$;
--> statement-breakpoint
-- Two transactions changing one client's signed sessions at once would each recompute the client from
-- a snapshot without the other's change, and both results would stay. So the triggers first take a
-- lock for the client and only then recompute: under READ COMMITTED the recomputing statement's
-- snapshot is taken after the lock, and sees the other's committed change. Clients share 32 locks
-- (by a hash of their id; taken in order, so two bulk changes cannot deadlock on each other): a lock
-- per client would overflow the lock table when a bulk change signs thousands of clients' sessions.
-- Only these triggers take these locks.
CREATE FUNCTION report_pain_steps_lock_sql(clients text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    SELECT pg_advisory_xact_lock(hashtext('report_pain_steps'), bucket)
    FROM (SELECT DISTINCT hashtext(client_id::text) & 31 AS bucket FROM (%s) t ORDER BY 1) t
  $q$, clients)
$$;
--> statement-breakpoint
-- A session counts once it is signed, and a signed session cannot change (migration 0010), except that
-- the retention purge may delete it (migration 0018). So only updates that leave a session signed (a
-- signing; the same UPDATE may carry the last edit of the pain score) and deletes of signed sessions
-- touch the steps. A
-- session inserted already signed has no points (none can be added to it) and adds no link.
CREATE FUNCTION report_pain_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  clients text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- Drafts are deleted too; they never counted.
    IF NOT EXISTS (SELECT 1 FROM old_rows WHERE signed_at IS NOT NULL) THEN
      RETURN NULL;
    END IF;
    clients := 'SELECT clinic_id, client_id FROM old_rows WHERE signed_at IS NOT NULL';
  ELSE
    -- Every autosave is an UPDATE of a draft (a trigger with transition tables cannot be limited to
    -- UPDATE OF signed_at): one look at the changed rows, and out. A signed row cannot be updated, so
    -- a signed new row is a signing; its old row names the client too, should the same UPDATE move it.
    IF NOT EXISTS (SELECT 1 FROM new_rows WHERE signed_at IS NOT NULL) THEN
      RETURN NULL;
    END IF;
    clients := 'SELECT clinic_id, client_id FROM new_rows WHERE signed_at IS NOT NULL
      UNION ALL SELECT o.clinic_id, o.client_id FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE n.signed_at IS NOT NULL';
  END IF;
  EXECUTE report_pain_steps_lock_sql(clients);
  EXECUTE report_pain_keys_sql(clients);
  EXECUTE report_pain_steps_sql(clients);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_pain_sessions_signed AFTER UPDATE ON "treatment_sessions"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_pain_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER report_pain_sessions_deleted AFTER DELETE ON "treatment_sessions"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_pain_sessions_changed();
--> statement-breakpoint
-- Points of a signed session cannot be added or changed (migration 0010); the purge may delete them.
-- Points deleted with their session (cascade) find no session here: the session's trigger recomputes.
CREATE FUNCTION report_pain_points_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  clients constant text := 'SELECT s.clinic_id, s.client_id FROM old_rows o
    JOIN treatment_sessions s ON s.clinic_id = o.clinic_id AND s.id = o.session_id WHERE s.signed_at IS NOT NULL';
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN treatment_sessions s ON s.clinic_id = o.clinic_id
      AND s.id = o.session_id WHERE s.signed_at IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  EXECUTE report_pain_steps_lock_sql(clients);
  EXECUTE report_pain_keys_sql(clients);
  EXECUTE report_pain_steps_sql(clients);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_pain_points_deleted AFTER DELETE ON "trigger_point_records"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_pain_points_deleted();
--> statement-breakpoint
-- report_rebuild (migration 0021) recomputes the steps too: its body as before, plus `signed` and the last three lines.
CREATE OR REPLACE FUNCTION report_rebuild(clinic uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  everything text := format($q$SELECT a.*, 1 AS sign FROM appointments a WHERE a.clinic_id = %L::uuid$q$, clinic);
  signed text := format(
    $q$SELECT clinic_id, client_id FROM treatment_sessions WHERE clinic_id = %L::uuid AND signed_at IS NOT NULL$q$, clinic);
BEGIN
  DELETE FROM report_clinic_days WHERE clinic_id = clinic;
  DELETE FROM report_booked_days WHERE clinic_id = clinic;
  DELETE FROM report_confirmations WHERE clinic_id = clinic;
  DELETE FROM report_client_firsts WHERE clinic_id = clinic;
  EXECUTE report_clinic_days_sql(everything);
  EXECUTE report_booked_days_sql(everything);
  EXECUTE report_confirmations_sql(everything);
  EXECUTE report_client_firsts_sql(everything);
  DELETE FROM report_pain_steps WHERE clinic_id = clinic;
  EXECUTE report_pain_keys_sql(signed);
  EXECUTE report_pain_steps_sql(signed);
END;
$$;
--> statement-breakpoint
-- Back-fill, clinic by clinic (report_rebuild would also redo the appointment summaries, already right).
DO $$
DECLARE
  clinic uuid;
  signed text;
BEGIN
  FOR clinic IN SELECT id FROM clinics LOOP
    signed := format(
      $q$SELECT clinic_id, client_id FROM treatment_sessions WHERE clinic_id = %L::uuid AND signed_at IS NOT NULL$q$, clinic);
    EXECUTE report_pain_keys_sql(signed);
    EXECUTE report_pain_steps_sql(signed);
  END LOOP;
END;
$$;
