/**
 * One appointment in a Radix dialog: what, when, who, the client's note, and the staff actions its
 * status allows (confirm, decline with a reason, propose another time, reschedule, cancel with a
 * reason, no-show, complete). A refused confirmation lists the readiness reasons.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Link } from "react-router";
import { ApiError } from "../api/client";
import { Alert, Button, Loading, StatusBadge } from "../ui/components";
import { cx } from "../ui/cx";
import { Dialog, DialogActions, DialogHeader } from "../ui/Dialog";
import styles from "./Appointments.module.css";
import {
  type AppointmentAction,
  type AppointmentDetail,
  fetchAppointment,
  fetchReadiness,
  icsUrl,
  type Readiness,
  runAction,
} from "./api";
import { SlotPicker } from "./SlotPicker";
import { addDays, formatClock, formatLocalDay, localDateOf, zoneDisplayName } from "./time";

export type Mode = "view" | "decline" | "cancel" | "propose" | "reschedule";

const ACTION_DONE: Record<AppointmentAction["kind"], string> = {
  confirm: "Confirmed. The client is told by e-mail.",
  decline: "Declined. The client is told why.",
  cancel: "Cancelled. The client is told why.",
  "no-show": "Marked as a no-show.",
  complete: "Marked as completed.",
  reschedule: "Moved to the new time.",
  propose: "New time proposed: the original request is declined and the client is asked to accept.",
};

export function useAppointmentActions(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: AppointmentAction) => runAction(id, action),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ["appointments"] });
      void queryClient.invalidateQueries({ queryKey: ["appointment", id] });
      void queryClient.invalidateQueries({ queryKey: ["readiness", id] });
    },
  });
}

export function describeWhen(a: { startsAt: string; endsAt: string }, zone: string): string {
  return `${formatLocalDay(localDateOf(a.startsAt, zone), "long")}, ${formatClock(a.startsAt, zone)} – ${formatClock(a.endsAt, zone)}`;
}

function isPast(iso: string): boolean {
  return Date.parse(iso) <= Date.now();
}

export function ReadinessReasons({ readiness }: { readiness: Readiness }) {
  if (readiness.ok || readiness.reasons.length === 0) return null;
  return (
    <ul className={styles.reasons}>
      {readiness.reasons.map((r) => (
        <li key={`${r.code}:${r.findingId ?? ""}`}>{r.message}</li>
      ))}
    </ul>
  );
}

export function AppointmentDialog({
  appointmentId,
  onClose,
  timeZone,
  initialMode = "view",
}: {
  appointmentId: string | null;
  onClose(): void;
  timeZone: string;
  /** Open straight into an action's form (the requests inbox's Decline… and Propose…). */
  initialMode?: Mode;
}) {
  return (
    <Dialog open={appointmentId !== null} onClose={onClose}>
      {appointmentId ? (
        <AppointmentPanel
          id={appointmentId}
          timeZone={timeZone}
          onClose={onClose}
          initialMode={initialMode}
        />
      ) : null}
    </Dialog>
  );
}

function AppointmentPanel({
  id,
  timeZone,
  onClose,
  initialMode,
}: {
  id: string;
  timeZone: string;
  onClose(): void;
  initialMode: Mode;
}) {
  const detail = useQuery({ queryKey: ["appointment", id], queryFn: () => fetchAppointment(id) });
  const a = detail.data;
  return (
    <>
      <DialogHeader
        title={a ? a.client.name : "Appointment"}
        description={a ? describeWhen(a, timeZone) : undefined}
      />
      {detail.isPending ? <Loading /> : null}
      {detail.isError ? (
        <Alert tone="danger">
          {detail.error instanceof ApiError ? detail.error.message : "Could not load this appointment."}
        </Alert>
      ) : null}
      {a ? (
        <AppointmentBody appointment={a} timeZone={timeZone} onClose={onClose} initialMode={initialMode} />
      ) : null}
    </>
  );
}

function AppointmentBody({
  appointment: a,
  timeZone,
  onClose,
  initialMode,
}: {
  appointment: AppointmentDetail;
  timeZone: string;
  onClose(): void;
  initialMode: Mode;
}) {
  const [mode, setMode] = useState<Mode>(initialMode);
  const [done, setDone] = useState<string | null>(null);
  const actions = useAppointmentActions(a.id);
  const needsReadiness = a.status === "requested" && a.firstVisit;
  const readiness = useQuery({
    queryKey: ["readiness", a.id],
    queryFn: () => fetchReadiness(a.id),
    enabled: needsReadiness,
    retry: false,
  });

  async function act(action: AppointmentAction) {
    setDone(null);
    try {
      await actions.mutateAsync(action);
      setDone(ACTION_DONE[action.kind]);
      setMode("view");
    } catch {
      // Shown from actions.error below.
    }
  }

  const error = actions.error instanceof ApiError ? actions.error : null;
  const holding = a.status === "requested" || a.status === "confirmed";
  const started = isPast(a.startsAt);

  return (
    <>
      <div className={styles.apptDetailBadges}>
        <StatusBadge status={a.status} />
        {a.firstVisit ? <span className="kw-badge kw-badge--neutral">First visit</span> : null}
        <span className="kw-badge kw-badge--neutral">
          {a.source === "online"
            ? "Booked online"
            : a.source === "phone"
              ? "Booked by phone"
              : "Booked by staff"}
        </span>
      </div>
      <dl className="kw-dl">
        <dt>Client</dt>
        <dd>
          <Link to={`/app/clients/${a.client.id}`} onClick={onClose}>
            {a.client.name}
          </Link>
        </dd>
        <dt>Service</dt>
        <dd>{a.service.name}</dd>
        <dt>Therapist</dt>
        <dd>{a.therapist.name}</dd>
        <dt>Room</dt>
        <dd>{a.room?.name ?? "No room"}</dd>
        <dt>When</dt>
        <dd>
          {describeWhen(a, timeZone)}
          <span className="kw-muted"> · {zoneDisplayName(timeZone)}</span>
        </dd>
        {a.status === "requested" && a.requestExpiresAt ? (
          <>
            <dt>Held until</dt>
            <dd>
              {formatLocalDay(localDateOf(a.requestExpiresAt, timeZone), "short")},{" "}
              {formatClock(a.requestExpiresAt, timeZone)}
            </dd>
          </>
        ) : null}
        {a.statusReason ? (
          <>
            <dt>Reason</dt>
            <dd>{a.statusReason}</dd>
          </>
        ) : null}
      </dl>
      {a.clientNote ? (
        <p className={styles.apptDetailNote}>
          <span className="kw-visually-hidden">Note from the client: </span>
          {a.clientNote}
        </p>
      ) : null}

      {needsReadiness && readiness.data && !readiness.data.ok ? (
        <div style={{ marginTop: "var(--kw-space-4)" }}>
          <Alert tone="warning">
            <strong>Not ready to confirm yet.</strong>
            <ReadinessReasons readiness={readiness.data} />
          </Alert>
        </div>
      ) : null}

      <div aria-live="polite" style={{ marginTop: done || error ? "var(--kw-space-4)" : 0 }}>
        {done ? <Alert tone="info">{done}</Alert> : null}
        {error ? (
          <Alert tone="danger">
            {error.code === "slot_taken" ? "That time was just taken. Pick another." : error.message}
          </Alert>
        ) : null}
      </div>

      {mode === "view" && holding ? (
        <DialogActions>
          {a.status === "requested" ? (
            <>
              <Button disabled={actions.isPending} onClick={() => void act({ kind: "confirm" })}>
                Confirm
              </Button>
              <Button variant="secondary" onClick={() => setMode("decline")}>
                Decline…
              </Button>
              <Button variant="secondary" onClick={() => setMode("propose")}>
                Propose another time…
              </Button>
            </>
          ) : null}
          {a.status === "confirmed" && started ? (
            <>
              <Button disabled={actions.isPending} onClick={() => void act({ kind: "complete" })}>
                Mark completed
              </Button>
              <Button
                variant="secondary"
                disabled={actions.isPending}
                onClick={() => void act({ kind: "no-show" })}
              >
                Mark no-show
              </Button>
            </>
          ) : null}
          {a.status === "confirmed" && !started ? (
            <Button variant="secondary" onClick={() => setMode("reschedule")}>
              Reschedule…
            </Button>
          ) : null}
          <Button variant="ghost" onClick={() => setMode("cancel")}>
            Cancel appointment…
          </Button>
          <a className="kw-button kw-button--ghost" href={icsUrl(a.id)} download>
            .ics
          </a>
        </DialogActions>
      ) : null}
      {mode === "decline" || mode === "cancel" ? (
        <ReasonForm
          kind={mode}
          busy={actions.isPending}
          onCancel={() => setMode("view")}
          onSubmit={(reason) => void act({ kind: mode, reason })}
        />
      ) : null}
      {mode === "propose" || mode === "reschedule" ? (
        <MoveForm
          appointment={a}
          kind={mode}
          timeZone={timeZone}
          busy={actions.isPending}
          onCancel={() => setMode("view")}
          onSubmit={(start, reason) =>
            void act(
              mode === "propose"
                ? { kind: "propose", start, therapistId: a.therapist.id, reason }
                : { kind: "reschedule", start, therapistId: a.therapist.id, ...(reason ? { reason } : {}) },
            )
          }
        />
      ) : null}
    </>
  );
}

function ReasonForm({
  kind,
  busy,
  onCancel,
  onSubmit,
}: {
  kind: "decline" | "cancel";
  busy: boolean;
  onCancel(): void;
  onSubmit(reason: string): void;
}) {
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const id = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    onSubmit(reason.trim());
  }
  return (
    <form className={cx(styles.inlineForm, "kw-stack")} onSubmit={submit} noValidate>
      <div className="kw-field">
        <label htmlFor={id}>
          {kind === "decline" ? "Why decline? (the client sees this)" : "Why cancel? (the client sees this)"}
        </label>
        <textarea
          id={id}
          className="kw-input kw-textarea"
          rows={3}
          maxLength={500}
          // biome-ignore lint/a11y/noAutofocus: the reason field is what the reader just asked for
          autoFocus
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? `${id}-error` : undefined}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
        />
        {missing ? (
          <span className="kw-field__error" id={`${id}-error`}>
            Enter a reason.
          </span>
        ) : null}
      </div>
      <div className="kw-row">
        <Button type="submit" variant="danger" disabled={busy}>
          {kind === "decline" ? "Decline request" : "Cancel appointment"}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Back
        </Button>
      </div>
    </form>
  );
}

function MoveForm({
  appointment: a,
  kind,
  timeZone,
  busy,
  onCancel,
  onSubmit,
}: {
  appointment: AppointmentDetail;
  kind: "propose" | "reschedule";
  timeZone: string;
  busy: boolean;
  onCancel(): void;
  onSubmit(start: string, reason: string): void;
}) {
  const [start, setStart] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const id = useId();
  const today = localDateOf(Date.now(), timeZone);
  const reasonRequired = kind === "propose";
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!start || (reasonRequired && !reason.trim())) {
      setMissing(true);
      return;
    }
    onSubmit(start, reason.trim());
  }
  return (
    <form className={cx(styles.inlineForm, "kw-stack")} onSubmit={submit} noValidate>
      <p className="kw-muted" style={{ margin: 0 }}>
        Open times with {a.therapist.name} for {a.service.name}, in the clinic's time (
        {zoneDisplayName(timeZone)}).
      </p>
      <SlotPicker
        slug={null}
        serviceId={a.service.id}
        therapistId={a.therapist.id}
        zone={timeZone}
        today={today}
        lastDay={addDays(today, 365)}
        day={[localDateOf(a.startsAt, timeZone), today].sort()[1] ?? today}
        selected={start}
        onSelect={(slot) => {
          setStart(slot.start);
          setMissing(false);
        }}
        compact
      />
      <div className="kw-field">
        <label htmlFor={id}>
          {reasonRequired
            ? "Message to the client (why another time)"
            : "Reason (optional, the client sees this)"}
        </label>
        <textarea
          id={id}
          className="kw-input kw-textarea"
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {missing ? (
        <Alert tone="warning">{!start ? "Pick a time first." : "Add a short message for the client."}</Alert>
      ) : null}
      <div className="kw-row">
        <Button type="submit" disabled={busy}>
          {kind === "propose" ? "Propose this time" : "Move to this time"}
          {start
            ? ` (${formatLocalDay(localDateOf(start, timeZone), "short")}, ${formatClock(start, timeZone)})`
            : ""}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Back
        </Button>
      </div>
    </form>
  );
}
