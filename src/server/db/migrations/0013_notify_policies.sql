-- Clinics stored before notification settings existed get the defaults (src/core/notify/policies.ts).
UPDATE clinics
SET policies = policies || '{"notifications":{"reminderLeadHours":24,"secondReminderLeadHours":null,"intakeReminderLeadHours":48,"quietHoursStart":"21:00","quietHoursEnd":"08:00","checkInLocalTime":"10:00"}}'::jsonb
WHERE NOT (policies ? 'notifications');
