/** Clinic policies: booking (notice, horizon, slot step, cancellation, request expiry) and charting (PATCH /api/clinic). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { type ClinicPoliciesSchema, UpdateClinicRequestSchema } from "../../core/api/clinic";
import { clinicQuery, updateClinicMutation } from "../clinic/api";
import { useZodForm } from "../forms";
import { Alert, Button, Card, Loading, TextField } from "../ui/components";
import styles from "./Settings.module.css";

type Policies = z.infer<typeof ClinicPoliciesSchema>;

const FIELDS: {
  key: keyof Omit<Policies, "requireStaffTwoFactor" | "therapistsReadAllCharts">;
  label: string;
  hint: string;
  min: number;
  max: number;
}[] = [
  {
    key: "minNoticeMin",
    label: "Minimum notice (minutes)",
    hint: "Online bookings must start at least this far ahead.",
    min: 0,
    max: 10_080,
  },
  {
    key: "horizonDays",
    label: "Booking horizon (days)",
    hint: "How far ahead clients can book online.",
    min: 1,
    max: 365,
  },
  {
    key: "slotStepMin",
    label: "Slot step (minutes)",
    hint: "Open times start on this grid (e.g. every 15 minutes).",
    min: 5,
    max: 120,
  },
  {
    key: "cancellationWindowHours",
    label: "Cancellation window (hours)",
    hint: "Clients may cancel or reschedule online up to this many hours before.",
    min: 0,
    max: 336,
  },
  {
    key: "requestExpiryHours",
    label: "Request expiry (hours)",
    hint: "An unanswered request stops holding its time after this long.",
    min: 1,
    max: 336,
  },
  {
    key: "maintenanceIntervalWeeks",
    label: "Maintenance interval (weeks)",
    hint: "Suggested gap between maintenance sessions.",
    min: 1,
    max: 26,
  },
  {
    key: "defaultHoldSeconds",
    label: "Default hold (seconds)",
    hint: "The hold timer starts at this in the treatment room (10-60).",
    min: 10,
    max: 60,
  },
  {
    key: "unsignedNoteLimitHours",
    label: "Unsigned note limit (hours)",
    hint: "Session notes left unsigned longer than this are listed for the therapist and the owner.",
    min: 1,
    max: 336,
  },
];

export function PoliciesSection() {
  const queryClient = useQueryClient();
  const clinic = useQuery(clinicQuery);
  const [saved, setSaved] = useState(false);
  const update = useMutation(updateClinicMutation(queryClient));
  const form = useZodForm({
    schema: UpdateClinicRequestSchema,
    fields: FIELDS.map((f) => `policies.${f.key}`),
    read: (data) => {
      setSaved(false);
      const policies: Record<string, unknown> = {};
      // A blank number box is "missing", not 0: the check then says to fill it in.
      for (const f of FIELDS) {
        const text = String(data.get(f.key) ?? "").trim();
        policies[f.key] = text === "" ? undefined : Number(text);
      }
      policies.requireStaffTwoFactor = data.get("requireStaffTwoFactor") === "on";
      policies.therapistsReadAllCharts = data.get("therapistsReadAllCharts") === "on";
      return { policies };
    },
    send: async (body) => {
      await update.mutateAsync(body);
      setSaved(true);
    },
  });
  if (clinic.isPending) return <Loading />;
  if (!clinic.data) return <Alert tone="danger">Could not load the clinic.</Alert>;
  const policies = clinic.data.policies;

  return (
    <Card title="Booking policies">
      <form className="kw-stack" onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
        <div className={styles.settingsGrid}>
          {FIELDS.map((f) => (
            <TextField
              key={f.key}
              label={f.label}
              hint={f.hint}
              name={f.key}
              type="number"
              inputMode="numeric"
              min={f.min}
              max={f.max}
              defaultValue={policies[f.key]}
              error={form.error(`policies.${f.key}`)}
            />
          ))}
        </div>
        <label className={styles.check}>
          <input
            type="checkbox"
            name="requireStaffTwoFactor"
            defaultChecked={policies.requireStaffTwoFactor}
          />
          Require two-factor sign-in for staff
        </label>
        <label className={styles.check}>
          <input
            type="checkbox"
            name="therapistsReadAllCharts"
            defaultChecked={policies.therapistsReadAllCharts}
          />
          Therapists may read the charts of clients they did not treat
        </label>
        <div aria-live="polite">
          {saved ? <Alert tone="info">Policies saved.</Alert> : null}
          {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
        </div>
        <div>
          <Button type="submit" disabled={form.busy}>
            {form.busy ? "Saving…" : "Save policies"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
