import { useId } from "react";
import type { AvailabilitySlot } from "../../core/scheduling/contract";
import { SlotPicker } from "../appointments/SlotPicker";
import { zoneDisplayName } from "../appointments/time";
import type { PublicClinic } from "../clinic/api";
import { Alert } from "../ui/components";
import styles from "./BookingPage.module.css";
import { formatPrice, type Service } from "./format";
import { StepHeader } from "./StepHeader";

/** Step 2: the chosen service, a therapist (or any), and the open times in the client's own zone. */
export function TimeStep({
  slug,
  clinic,
  service,
  therapistId,
  zone,
  today,
  lastDay,
  start,
  day,
  taken,
  refreshKey,
  onChangeService,
  onTherapist,
  onDay,
  onSlot,
}: {
  slug: string;
  clinic: PublicClinic;
  service: Service;
  therapistId: string | null;
  zone: string;
  today: string;
  lastDay: string;
  start: string | null;
  day: string | null;
  /** The time chosen before was taken by someone else meanwhile. */
  taken: boolean;
  refreshKey: number;
  onChangeService(): void;
  onTherapist(id: string | null): void;
  onDay(day: string): void;
  onSlot(slot: AvailabilitySlot): void;
}) {
  return (
    <>
      <StepHeader step="time" title="Choose a time" />
      <div className={styles.bookSummary}>
        <span>
          <strong>{service.name}</strong>
          <span className="kw-muted">
            {" · "}
            {/\bmin\b/.test(service.name) ? (formatPrice(service) ?? "") : `${service.durationMin} min`}
          </span>
          <span className="kw-visually-hidden"> at {clinic.name}</span>
        </span>
        <button type="button" className="kw-button kw-button--ghost" onClick={onChangeService}>
          Change<span className="kw-visually-hidden"> service</span>
        </button>
      </div>
      {taken ? (
        <Alert tone="warning">That time was just taken by someone else. Here are the times still open.</Alert>
      ) : null}
      <TherapistChoice clinic={clinic} value={therapistId} onChange={onTherapist} />
      <p className={styles.bookZone} id="zone-note">
        <ClockIcon />
        Times in your time zone, <strong>{zoneDisplayName(zone)}</strong>.
        {zone !== clinic.timeZone ? ` The clinic is in ${zoneDisplayName(clinic.timeZone)}.` : null}
      </p>
      <SlotPicker
        slug={slug}
        serviceId={service.id}
        therapistId={therapistId}
        zone={zone}
        today={today}
        lastDay={lastDay}
        selected={start}
        day={day}
        onDayChange={onDay}
        refreshKey={refreshKey}
        onSelect={onSlot}
      />
    </>
  );
}

function ClockIcon() {
  return (
    <svg className={styles.bookIcon} width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 7v5l3 2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

function TherapistChoice({
  clinic,
  value,
  onChange,
}: {
  clinic: PublicClinic;
  value: string | null;
  onChange(id: string | null): void;
}) {
  const id = useId();
  return (
    <fieldset className={styles.bookTherapists}>
      <legend id={id}>Therapist</legend>
      <div className="kw-pills">
        <button
          type="button"
          className="kw-pill"
          aria-pressed={value === null}
          onClick={() => onChange(null)}
        >
          Any therapist
        </button>
        {clinic.therapists.map((t) => (
          <button
            key={t.id}
            type="button"
            className="kw-pill"
            aria-pressed={value === t.id}
            onClick={() => onChange(t.id)}
          >
            {t.displayName}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
