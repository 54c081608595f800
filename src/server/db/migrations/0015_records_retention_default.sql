-- Records (F11): clinics created before the retention policy existed get the default of 7 years,
-- so every reader of `policies` finds the key (docs/decisions/0019-backup-and-erasure.md).
UPDATE "clinics" SET "policies" = "policies" || '{"retentionYears": 7}'::jsonb WHERE NOT ("policies" ? 'retentionYears');
