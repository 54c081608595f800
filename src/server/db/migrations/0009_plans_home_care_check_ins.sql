CREATE TABLE "home_care_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"items" jsonb NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"shared_at" timestamp with time zone,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "home_care_plans_client_key" UNIQUE("clinic_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "plan_rule_settings" (
	"clinic_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "soreness_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"soreness" smallint NOT NULL,
	"symptoms" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"flags" jsonb NOT NULL,
	"flagged" boolean NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "soreness_check_ins_appointment_key" UNIQUE("clinic_id","appointment_id"),
	CONSTRAINT "soreness_check_ins_soreness_range" CHECK ("soreness_check_ins"."soreness" BETWEEN 0 AND 10)
);
--> statement-breakpoint
CREATE TABLE "treatment_plan_appointments" (
	"clinic_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	CONSTRAINT "treatment_plan_appointments_clinic_id_plan_id_appointment_id_pk" PRIMARY KEY("clinic_id","plan_id","appointment_id")
);
--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD COLUMN "therapist_id" uuid;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD COLUMN "service_id" uuid;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD COLUMN "session_interval_days" smallint DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD COLUMN "goals" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD COLUMN "notes" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD COLUMN "starts_on" date DEFAULT CURRENT_DATE NOT NULL;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD COLUMN "baseline_pain" smallint;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_clinic_id_key" UNIQUE("clinic_id","id");--> statement-breakpoint
ALTER TABLE "home_care_plans" ADD CONSTRAINT "home_care_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_care_plans" ADD CONSTRAINT "home_care_plans_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_rule_settings" ADD CONSTRAINT "plan_rule_settings_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soreness_check_ins" ADD CONSTRAINT "soreness_check_ins_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soreness_check_ins" ADD CONSTRAINT "soreness_check_ins_clinic_id_appointment_id_appointments_clinic_id_id_fk" FOREIGN KEY ("clinic_id","appointment_id") REFERENCES "public"."appointments"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_appointments" ADD CONSTRAINT "treatment_plan_appointments_clinic_id_plan_id_treatment_plans_clinic_id_id_fk" FOREIGN KEY ("clinic_id","plan_id") REFERENCES "public"."treatment_plans"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plan_appointments" ADD CONSTRAINT "treatment_plan_appointments_clinic_id_appointment_id_appointments_clinic_id_id_fk" FOREIGN KEY ("clinic_id","appointment_id") REFERENCES "public"."appointments"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "soreness_check_ins_flagged_idx" ON "soreness_check_ins" USING btree ("clinic_id","answered_at") WHERE flagged;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_clinic_id_therapist_id_therapists_clinic_id_id_fk" FOREIGN KEY ("clinic_id","therapist_id") REFERENCES "public"."therapists"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_clinic_id_service_id_services_clinic_id_id_fk" FOREIGN KEY ("clinic_id","service_id") REFERENCES "public"."services"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pain_diary_entries_client_idx" ON "pain_diary_entries" USING btree ("clinic_id","client_id","recorded_at");--> statement-breakpoint
CREATE INDEX "treatment_plans_client_idx" ON "treatment_plans" USING btree ("clinic_id","client_id");--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_status_valid" CHECK ("treatment_plans"."status" IN ('active', 'maintenance', 'finished', 'cancelled'));