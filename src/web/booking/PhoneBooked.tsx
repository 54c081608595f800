import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import appointmentsStyles from "../appointments/Appointments.module.css";
import { type AppointmentDetail, readinessQuery } from "../appointments/api";
import { describeWhen } from "../appointments/describe";
import { firstVisitNextStep } from "../appointments/wording";
import { Alert, Button, StatusBadge } from "../ui/components";
import { DialogActions, DialogHeader } from "../ui/Dialog";

/** What the desk just booked, and for a first visit what it still waits for (asked, not assumed). */
export function PhoneBooked({
  appointment: a,
  timeZone,
  onAnother,
  onClose,
}: {
  appointment: AppointmentDetail;
  timeZone: string;
  onAnother(): void;
  onClose(): void;
}) {
  const waiting = a.firstVisit && a.status === "requested";
  const readiness = useQuery({ ...readinessQuery(a.id), enabled: waiting });
  return (
    <>
      <DialogHeader title={a.status === "confirmed" ? "Booked" : "Booked as a request"} closable={false} />
      <Alert tone="info">
        <strong>{a.client.name}</strong>: {a.service.name} with {a.therapist.name}
        {a.room ? ` in ${a.room.name}` : ""}, {describeWhen(a, timeZone)}.
      </Alert>
      <div className={appointmentsStyles.apptDetailBadges} style={{ marginTop: "var(--kw-space-3)" }}>
        <StatusBadge status={a.status} />
        {a.firstVisit ? <span className="kw-badge kw-badge--neutral">First visit</span> : null}
      </div>
      {waiting && readiness.data ? <p>{firstVisitNextStep(readiness.data)}</p> : null}
      <DialogActions>
        <Button
          // The next call is usually another booking.
          autoFocus
          onClick={onAnother}
        >
          Book another
        </Button>
        <Link className="kw-button kw-button--secondary" to={`/app/clients/${a.client.id}`} onClick={onClose}>
          Open client
        </Link>
        <Button variant="ghost" onClick={onClose}>
          Done
        </Button>
      </DialogActions>
    </>
  );
}
