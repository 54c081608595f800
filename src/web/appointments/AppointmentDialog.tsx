/**
 * One appointment in the dialog: what, when, who, the note, and the staff actions its status
 * allows (confirm, decline with a reason, propose another time, reschedule, cancel with a reason,
 * no-show, complete). A refused confirmation lists the readiness reasons.
 */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "../api/client";
import { ChartLink } from "../chart/ChartLink";
import { PhoneIntakeLink } from "../intake/PhoneIntakeLink";
import { Alert, Button, Loading } from "../ui/components";
import { Dialog, DialogActions, DialogHeader } from "../ui/Dialog";
import { AppointmentFacts } from "./AppointmentFacts";
import {
  type AppointmentAction,
  type AppointmentDetail,
  appointmentQuery,
  icsUrl,
  readinessQuery,
} from "./api";
import { describeWhen } from "./describe";
import { MoveForm } from "./MoveForm";
import { ReadinessReasons } from "./ReadinessReasons";
import { ReasonForm } from "./ReasonForm";
import { useAppointmentActions } from "./useAppointmentActions";
import { openReasons } from "./wording";

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
  const detail = useQuery(appointmentQuery(id));
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
  const readiness = useQuery({ ...readinessQuery(a.id), enabled: a.status === "requested" && a.firstVisit });
  const reasons = openReasons(readiness.data, a.status !== "requested");

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
  return (
    <>
      <AppointmentFacts appointment={a} timeZone={timeZone} onClose={onClose} />
      <ChartLink appointmentId={a.id} />
      {reasons ? (
        <div style={{ marginTop: "var(--kw-space-4)" }}>
          <Alert tone="warning">
            <strong>Not ready to confirm yet.</strong>
            <ReadinessReasons reasons={reasons} />
          </Alert>
          <PhoneIntakeLink
            clientId={a.client.id}
            missing={reasons.some((r) => r.code === "intake-not-submitted")}
          />
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
      {mode === "view" ? (
        <ViewActions
          appointment={a}
          busy={actions.isPending}
          onAct={(action) => void act(action)}
          onMode={setMode}
        />
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

/** The buttons a status allows: answer a request; complete, no-show or move a confirmed one. */
function ViewActions({
  appointment: a,
  busy,
  onAct,
  onMode,
}: {
  appointment: AppointmentDetail;
  busy: boolean;
  onAct(action: AppointmentAction): void;
  onMode(mode: Mode): void;
}) {
  if (a.status !== "requested" && a.status !== "confirmed") return null;
  const started = Date.parse(a.startsAt) <= Date.now();
  return (
    <DialogActions>
      {a.status === "requested" ? (
        <>
          <Button disabled={busy} onClick={() => onAct({ kind: "confirm" })}>
            Confirm
          </Button>
          <Button variant="secondary" onClick={() => onMode("decline")}>
            Decline…
          </Button>
          <Button variant="secondary" onClick={() => onMode("propose")}>
            Propose another time…
          </Button>
        </>
      ) : null}
      {a.status === "confirmed" && started ? (
        <>
          <Button disabled={busy} onClick={() => onAct({ kind: "complete" })}>
            Mark completed
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => onAct({ kind: "no-show" })}>
            Mark no-show
          </Button>
        </>
      ) : null}
      {a.status === "confirmed" && !started ? (
        <Button variant="secondary" onClick={() => onMode("reschedule")}>
          Reschedule…
        </Button>
      ) : null}
      <Button variant="ghost" onClick={() => onMode("cancel")}>
        Cancel appointment…
      </Button>
      <a className="kw-button kw-button--ghost" href={icsUrl(a.id)} download>
        .ics
      </a>
    </DialogActions>
  );
}
