-- Room names used to be accepted twice. Number any later duplicates ("Cedar room (2)") so the
-- unique index below can be built on a database that already has some.
UPDATE "rooms" AS r SET "name" = r."name" || ' (' || d.n || ')'
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "clinic_id", lower("name") ORDER BY "created_at", "id") AS n
  FROM "rooms"
) AS d
WHERE r."id" = d."id" AND d.n > 1;
--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_clinic_name_key" ON "rooms" USING btree ("clinic_id",lower("name"));
