-- Clinics stored before a clinic could turn message kinds off send them all (src/core/notify/policies.ts).
UPDATE clinics
SET policies = jsonb_set(policies, '{notifications,turnedOff}', '[]'::jsonb)
WHERE policies ? 'notifications' AND NOT (policies -> 'notifications' ? 'turnedOff');
