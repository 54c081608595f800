/**
 * The portal's "Change time" and "Cancel" dialog (F9): a chunk of its own, loaded when the client
 * first opens it (PortalAppointments.tsx), since the dialog, the slot picker and their dependencies
 * are most of the portal's code and few visits use them.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError } from "../api/client";
import { runAction } from "../appointments/api";
import { SlotPicker } from "../appointments/SlotPicker";
import { addDays, formatClock, formatLocalDay, localDateOf } from "../appointments/time";
import { Alert, Button } from "../ui/components";
import { Dialog, DialogActions, DialogHeader } from "../ui/Dialog";
import { portalKeys } from "./api";
import styles from "./Portal.module.css";
import type { Change, PortalPolicy } from "./PortalAppointments";

export default function ChangeDialog({
  change,
  zone,
  slug,
  policy,
  onClose,
}: {
  change: Change;
  zone: string;
  slug: string;
  policy: PortalPolicy | null;
  onClose: () => void;
}) {
  return (
    <Dialog open={change !== null} onClose={onClose}>
      {change ? (
        <ChangeForm
          key={change.appointment.id}
          change={change}
          zone={zone}
          slug={slug}
          policy={policy}
          onClose={onClose}
        />
      ) : null}
    </Dialog>
  );
}

function ChangeForm({
  change,
  zone,
  slug,
  policy,
  onClose,
}: {
  change: NonNullable<Change>;
  zone: string;
  slug: string;
  policy: PortalPolicy | null;
  onClose: () => void;
}) {
  const a = change.appointment;
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [start, setStart] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const today = localDateOf(Date.now(), zone);
  const action = useMutation({
    mutationFn: () =>
      change.kind === "cancel"
        ? runAction(a.id, { kind: "cancel", reason: reason.trim() })
        : runAction(a.id, {
            kind: "reschedule",
            start: start as string,
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: portalKeys.all });
      onClose();
    },
    onError: (error) =>
      setProblem(error instanceof ApiError ? error.message : "That didn't work. Please try again."),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.kind === "cancel" && reason.trim() === "") {
      setProblem("Please tell the clinic why, in a few words.");
      return;
    }
    if (change.kind === "reschedule" && !start) {
      setProblem("Choose a new time first.");
      return;
    }
    setProblem(null);
    action.mutate();
  };
  const when = `${formatLocalDay(localDateOf(a.startsAt, zone), "long")}, ${formatClock(a.startsAt, zone)}`;
  return (
    <form className={styles.portalChange} onSubmit={submit} noValidate>
      <DialogHeader
        title={change.kind === "cancel" ? "Cancel this appointment?" : "Change the time"}
        description={
          <>
            {a.service.name} with {a.therapist.name}, {when}
          </>
        }
        closable={false}
      />
      {change.kind === "reschedule" ? (
        <>
          {a.status === "confirmed" ? (
            <p className="kw-muted">The new time may need the clinic to confirm it again.</p>
          ) : null}
          <SlotPicker
            slug={slug}
            serviceId={a.service.id}
            therapistId={a.therapist.id}
            zone={zone}
            today={today}
            lastDay={addDays(today, policy?.horizonDays ?? 60)}
            day={[localDateOf(a.startsAt, zone), today].sort()[1] ?? today}
            selected={start}
            onSelect={(slot) => setStart(slot.start)}
            compact
          />
        </>
      ) : null}
      <div className="kw-field">
        <label htmlFor="kw-portal-reason">
          {change.kind === "cancel" ? "Why are you cancelling?" : "A note for the clinic (optional)"}
        </label>
        <textarea
          id="kw-portal-reason"
          className="kw-input kw-textarea kw-textarea--short"
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {problem ? <Alert tone="danger">{problem}</Alert> : null}
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          {change.kind === "cancel" ? "Keep it" : "Close"}
        </Button>
        <button
          type="submit"
          className={`kw-button ${change.kind === "cancel" ? "kw-button--danger" : "kw-button--primary"}`}
          disabled={action.isPending}
        >
          {change.kind === "cancel" ? "Cancel appointment" : "Move to this time"}
        </button>
      </DialogActions>
    </form>
  );
}
