import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ClearanceRequestSchema } from "../../core/api/intake";
import { localDateOf } from "../appointments/time";
import { useZodForm } from "../forms";
import { Alert, Button, TextAreaField, TextField } from "../ui/components";
import { recordClearanceMutation } from "./api";
import styles from "./StaffIntake.module.css";

const FIELDS = ["clearedBy", "clearedOn", "note"] as const;

/** Record who cleared a hold, when and how (checked with the API's schema in the browser first). */
export function ClearanceForm({
  clientId,
  findingId,
  label,
  timeZone,
}: {
  clientId: string;
  findingId: string;
  label: string;
  timeZone: string;
}) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const record = useMutation(recordClearanceMutation(queryClient, clientId));
  const today = localDateOf(Date.now(), timeZone);
  const form = useZodForm({
    schema: ClearanceRequestSchema,
    fields: FIELDS,
    read: (data) => ({
      findingId,
      clearedBy: String(data.get("clearedBy") ?? ""),
      clearedOn: String(data.get("clearedOn") ?? ""),
      note: String(data.get("note") ?? ""),
    }),
    send: (body) => record.mutateAsync(body),
  });
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Record a doctor's clearance…
      </Button>
    );
  }
  return (
    <form
      className={styles.clearance}
      onSubmit={form.onSubmit}
      onChange={form.onChange}
      noValidate
      aria-label={`Clearance for ${label}`}
    >
      <TextField
        label="Cleared by"
        name="clearedBy"
        hint="Who gave the okay, e.g. Dr Amy Lee (GP)"
        maxLength={200}
        error={form.error("clearedBy")}
      />
      <TextField
        label="Date of the clearance"
        name="clearedOn"
        type="date"
        defaultValue={today}
        max={today}
        error={form.error("clearedOn")}
      />
      <TextAreaField
        label="Note"
        name="note"
        hint="How it was cleared, and anything to avoid (e.g. letter on file; avoid the scar)."
        className="kw-textarea--short"
        rows={2}
        maxLength={2000}
        error={form.error("note")}
      />
      {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
      <div className="kw-row">
        <Button type="submit" disabled={form.busy}>
          {form.busy ? "Saving…" : "Record clearance"}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
