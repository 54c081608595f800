import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { OnlineBookingRequestSchema } from "../../core/api/scheduling";
import { ApiError } from "../api/client";
import { type AppointmentDetail, requestOnline } from "../appointments/api";
import { zoneDisplayName } from "../appointments/time";
import type { PublicClinic } from "../clinic/api";
import { useZodForm } from "../forms";
import { Alert, Button, Card, TextAreaField } from "../ui/components";
import { cx } from "../ui/cx";
import { AccountStep } from "./AccountStep";
import { firstVisitQuery } from "./api";
import styles from "./BookingPage.module.css";
import { type Service, whenText } from "./format";
import { RegionsNote } from "./RegionsNote";
import { composeNote, type MarkedRegion } from "./regions";
import { StepHeader } from "./StepHeader";
import { detailsCopy, onlineOutcome } from "./wording";

/**
 * Step 3: what is being booked, then (signed out) an account, or (a client) a note and the button.
 * The button says what it will do: book at once only when the server will confirm at once.
 */
export function DetailsStep({
  slug,
  clinic,
  service,
  therapistId,
  therapistName,
  start,
  zone,
  regions,
  signedIn,
  isClient,
  onChangeTime,
  onBooked,
  onTaken,
}: {
  slug: string;
  clinic: PublicClinic;
  service: Service;
  therapistId: string | null;
  therapistName: string | null;
  start: string;
  zone: string;
  regions: MarkedRegion[];
  signedIn: boolean;
  isClient: boolean;
  onChangeTime(): void;
  onBooked(appointment: AppointmentDetail): void;
  onTaken(): void;
}) {
  return (
    <>
      <StepHeader step="details" title="Your details" />
      <Card>
        <dl className={cx(styles.bookFacts, "kw-dl")}>
          <dt>Service</dt>
          <dd>{service.name}</dd>
          <dt>When</dt>
          <dd>
            {whenText(start, service.durationMin, zone)}
            <span className={styles.bookZoneInline}>{zoneDisplayName(zone)}</span>
          </dd>
          <dt>With</dt>
          <dd>{therapistName ?? "Any therapist"}</dd>
          <dt>Where</dt>
          <dd>{clinic.address ?? clinic.name}</dd>
        </dl>
        <Button variant="secondary" onClick={onChangeTime}>
          Change time
        </Button>
      </Card>
      <RegionsNote regions={regions} />
      {!signedIn ? (
        <AccountStep slug={slug} />
      ) : !isClient ? (
        <Alert tone="warning">
          You're signed in as clinic staff. To book for a client, use New booking in the{" "}
          <Link to="/app/calendar">calendar</Link>.
        </Alert>
      ) : (
        <NoteForm
          slug={slug}
          service={service}
          therapistId={therapistId}
          start={start}
          regions={regions}
          onBooked={onBooked}
          onTaken={onTaken}
        />
      )}
    </>
  );
}

function NoteForm({
  slug,
  service,
  therapistId,
  start,
  regions,
  onBooked,
  onTaken,
}: {
  slug: string;
  service: Service;
  therapistId: string | null;
  start: string;
  regions: MarkedRegion[];
  onBooked(appointment: AppointmentDetail): void;
  onTaken(): void;
}) {
  const [note, setNote] = useState("");
  const firstVisit = useQuery(firstVisitQuery);
  const copy = detailsCopy(onlineOutcome(service, firstVisit.data?.firstVisit ?? null));
  const form = useZodForm({
    schema: OnlineBookingRequestSchema,
    fields: ["note"],
    read: () => {
      const text = composeNote(regions, note);
      return {
        serviceId: service.id,
        ...(therapistId ? { therapistId } : {}),
        start,
        ...(text ? { note: text } : {}),
      };
    },
    send: async (body) => {
      try {
        onBooked(await requestOnline(slug, body));
      } catch (error) {
        // Someone else took the time meanwhile: back to the open times, which are fetched again.
        if (error instanceof ApiError && error.code === "slot_taken") return onTaken();
        throw error;
      }
    },
    fallback: "Something went wrong. Please try again.",
  });
  return (
    <form className="kw-stack" onSubmit={form.onSubmit} noValidate>
      <TextAreaField
        label="Anything your therapist should know? (optional)"
        hint="For example where it hurts or what brings it on. Your health history goes in the intake form."
        name="note"
        rows={4}
        maxLength={800}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={form.error("note")}
      />
      {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
      <p className="kw-muted">{copy.hint}</p>
      <Button type="submit" block disabled={form.busy}>
        {form.busy ? "Sending…" : copy.button}
      </Button>
    </form>
  );
}
