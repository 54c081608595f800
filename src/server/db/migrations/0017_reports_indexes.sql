CREATE INDEX "appointments_therapist_start_idx" ON "appointments" USING btree ("clinic_id","therapist_id","starts_at");--> statement-breakpoint
CREATE INDEX "audit_events_confirm_idx" ON "audit_events" USING btree ("clinic_id","entity_id","at") WHERE action = 'confirm' AND entity = 'appointment';--> statement-breakpoint
CREATE INDEX "treatment_plans_created_idx" ON "treatment_plans" USING btree ("clinic_id","created_at");--> statement-breakpoint
CREATE INDEX "treatment_plans_client_created_idx" ON "treatment_plans" USING btree ("clinic_id","client_id","created_at");--> statement-breakpoint
CREATE INDEX "treatment_sessions_created_idx" ON "treatment_sessions" USING btree ("clinic_id","created_at");--> statement-breakpoint
