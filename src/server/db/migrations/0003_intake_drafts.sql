CREATE TABLE "intake_drafts" (
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intake_drafts_clinic_id_client_id_pk" PRIMARY KEY("clinic_id","client_id")
);
--> statement-breakpoint
ALTER TABLE "intake_drafts" ADD CONSTRAINT "intake_drafts_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clearances_client_idx" ON "clearances" USING btree ("clinic_id","client_id");--> statement-breakpoint
CREATE INDEX "consent_signatures_client_idx" ON "consent_signatures" USING btree ("clinic_id","client_id","signed_at");