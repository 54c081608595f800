import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { ApiError } from "../api/client";
import { type AppointmentDetail, icsUrl, joinWaitlist } from "../appointments/api";
import { formatClock, formatLocalDay, localDateOf, zoneDisplayName } from "../appointments/time";
import { heldUntil } from "../appointments/wording";
import type { PublicClinic } from "../clinic/api";
import { myConsentQuery } from "../consent/api";
import { marksSearch } from "../finder/marks-url";
import { myIntakeQuery } from "../intake/api";
import { Alert, Button, Card, StatusBadge } from "../ui/components";
import { cx } from "../ui/cx";
import styles from "./BookingPage.module.css";
import { whenText } from "./format";
import type { MarkedRegion } from "./regions";
import { beforeFirstVisit } from "./wording";

/** "Tell me if an earlier time opens": a waitlist entry from now until the booked start. */
function EarlierTimes({
  appointment,
  therapistChosen,
}: {
  appointment: AppointmentDetail;
  therapistChosen: string | null;
}) {
  const [state, setState] = useState<string>("idle");
  if (Date.parse(appointment.startsAt) - Date.now() < 24 * 3_600_000) return null;
  if (state === "done")
    return (
      <Alert tone="info">We'll e-mail you if an earlier time opens. You keep this one either way.</Alert>
    );
  return (
    <div className="kw-stack">
      {state !== "idle" && state !== "busy" ? <Alert tone="danger">{state}</Alert> : null}
      <Button
        variant="ghost"
        disabled={state === "busy"}
        onClick={() => {
          setState("busy");
          joinWaitlist({
            serviceId: appointment.service.id,
            ...(therapistChosen ? { therapistId: therapistChosen } : {}),
            earliest: new Date().toISOString(),
            latest: appointment.startsAt,
          })
            .then(() => setState("done"))
            .catch((error: unknown) =>
              setState(error instanceof ApiError ? error.message : "That didn't work. Please try again."),
            );
        }}
      >
        Tell me if an earlier time opens
      </Button>
    </div>
  );
}

/** After booking: what was booked, whether it is confirmed, and what is left to do before a first visit. */
export function DoneStep({
  appointment,
  zone,
  clinic,
  therapistChosen,
  regions,
}: {
  appointment: AppointmentDetail;
  zone: string;
  clinic: PublicClinic;
  therapistChosen: string | null;
  /** The finder's marks, carried on to the intake's body map. */
  regions: MarkedRegion[];
}) {
  const held = heldUntil(appointment);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const confirmed = appointment.status === "confirmed";
  const when = whenText(appointment.startsAt, appointment.service.durationMin, zone);
  return (
    <div className="kw-stack">
      <div className={cx(styles.bookDoneMark, !confirmed && styles.bookDoneMarkWaiting)} aria-hidden="true">
        {confirmed ? (
          <svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true">
            <path
              d="M5 12.5l4.5 4.5L19 7.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.5"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        ) : (
          <svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true">
            <path
              d="M4 6l8 6 8-6M4 6h16v12H4z"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinejoin="round"
            />
          </svg>
        )}
      </div>
      <h1 ref={headingRef} tabIndex={-1}>
        {confirmed ? "You're booked" : "Request sent"}
      </h1>
      <p className={styles.bookLead}>
        {confirmed
          ? `Your ${appointment.service.name.toLowerCase()} with ${appointment.therapist.name} is confirmed.`
          : `We've sent your request to ${clinic.name}. It is not confirmed yet: the clinic will let you know by e-mail.`}
      </p>
      <Card>
        <dl className="kw-dl">
          <dt>Status</dt>
          <dd>
            <StatusBadge status={appointment.status} />
          </dd>
          <dt>When</dt>
          <dd>
            {when}
            <span className={styles.bookZoneInline}>{zoneDisplayName(zone)}</span>
          </dd>
          <dt>With</dt>
          <dd>{appointment.therapist.name}</dd>
          <dt>Service</dt>
          <dd>{appointment.service.name}</dd>
          {held ? (
            <>
              <dt>Held until</dt>
              <dd>
                {formatLocalDay(localDateOf(held, zone), "short")}, {formatClock(held, zone)}
              </dd>
            </>
          ) : null}
        </dl>
      </Card>
      {appointment.firstVisit && !confirmed ? <FirstVisitToDo regions={regions} /> : null}
      <div className="kw-row">
        <a className="kw-button kw-button--secondary" href={icsUrl(appointment.id)} download>
          Add to calendar (.ics)
        </a>
        <Link className="kw-button kw-button--ghost" to="/app">
          See your appointments
        </Link>
      </div>
      <EarlierTimes appointment={appointment} therapistChosen={therapistChosen} />
    </div>
  );
}

/** What is left before a first visit can be confirmed: only what is not done yet, or nothing. */
function FirstVisitToDo({ regions }: { regions: MarkedRegion[] }) {
  const intake = useQuery(myIntakeQuery);
  const consent = useQuery(myConsentQuery);
  if (!intake.data || !consent.data) return null;
  const intakeSubmitted = intake.data.submitted !== null;
  const todo = beforeFirstVisit({ intakeSubmitted, consentSigned: consent.data.status.signedCurrent });
  if (!todo) return null;
  const marks = Object.fromEntries(regions.map((r) => [r.id, r.intensity]));
  return (
    <Alert tone="info">
      {todo} {intakeSubmitted ? "" : "It takes about ten minutes and lets your therapist prepare. "}
      {intakeSubmitted ? (
        <Link to="/app/consent">Read and sign the consent</Link>
      ) : (
        <Link to={`/app/intake${marksSearch(marks)}`}>Go to your intake</Link>
      )}
    </Alert>
  );
}
