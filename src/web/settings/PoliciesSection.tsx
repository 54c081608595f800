/** Booking policies: notice, horizon, slot step, cancellation window, request expiry (PATCH /api/clinic). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import type { ClinicPoliciesSchema, ClinicSchema } from "../../core/api/clinic";
import { ApiError, get, patch } from "../api/client";
import { Alert, Button, Card, Loading, TextField } from "../ui/components";
import styles from "./Settings.module.css";

type Clinic = z.infer<typeof ClinicSchema>;
type Policies = z.infer<typeof ClinicPoliciesSchema>;

const FIELDS: {
  key: keyof Omit<Policies, "requireStaffTwoFactor">;
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
];

export function PoliciesSection() {
  const queryClient = useQueryClient();
  const clinic = useQuery({ queryKey: ["clinic"], queryFn: () => get<Clinic>("/api/clinic") });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (policies: Partial<Policies>) => patch<Clinic>("/api/clinic", { policies }),
    onSuccess: (data) => {
      queryClient.setQueryData(["clinic"], data);
      setSaved(true);
    },
  });
  if (clinic.isPending) return <Loading />;
  if (!clinic.data) return <Alert tone="danger">Could not load the clinic.</Alert>;
  const policies = clinic.data.policies;
  const error = save.error instanceof ApiError ? save.error : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const next: Partial<Policies> = {};
    for (const f of FIELDS) next[f.key] = Number(form.get(f.key));
    next.requireStaffTwoFactor = form.get("requireStaffTwoFactor") === "on";
    save.mutate(next);
  }

  return (
    <Card title="Booking policies">
      <form className="kw-stack" onSubmit={submit} noValidate>
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
              error={error?.field?.endsWith(f.key) ? error.message : null}
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
        <div aria-live="polite">
          {saved ? <Alert tone="info">Policies saved.</Alert> : null}
          {error && !FIELDS.some((f) => error.field?.endsWith(f.key)) ? (
            <Alert tone="danger">{error.message}</Alert>
          ) : null}
        </div>
        <div>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save policies"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
