/**
 * "Book the series" (F7): the plan's remaining sessions offered as a set of slots at the planned
 * interval with the same therapist (the server asks the slot engine), booked together through the
 * same path as any booking. Each slot gets its own answer: booked (requested or confirmed) or why
 * not, so a series that half-fits is never a mystery. Used by the client and by staff.
 */
import { type QueryKey, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ApiError } from "../api/client";
import { Alert, Button, Loading } from "../ui/components";
import type { SeriesBookResult, SeriesOffer } from "./api";
import { planKeys } from "./api";
import styles from "./Plans.module.css";

export interface SeriesBookingProps {
  /** The offer's query key and fetch, for a first session on or after `from` (YYYY-MM-DD). */
  readonly offer: {
    readonly key: (from: string) => QueryKey;
    readonly fetch: (from: string) => Promise<SeriesOffer>;
  };
  readonly book: (starts: string[]) => Promise<SeriesBookResult>;
  /** Queries to refresh once booked (the plan, the appointments). */
  readonly invalidate: readonly QueryKey[];
  readonly zone: string;
  readonly remaining: number;
}

/** Tomorrow as YYYY-MM-DD in a zone: the earliest first session the form offers. */
export function tomorrowIn(zone: string, now = Date.now()): string {
  return localDate(new Date(now + 86_400_000).toISOString(), zone);
}

/** An instant's calendar day (YYYY-MM-DD) in a zone. */
export function localDate(iso: string, zone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(iso));
}

function dayWords(date: string): string {
  // A civil date: read at noon UTC so the weekday is that date's in any zone.
  return new Intl.DateTimeFormat("en-US", {
    weekday: "short",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T12:00:00Z`));
}

function startWords(iso: string, zone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: zone,
  }).format(new Date(iso));
}

export function SeriesBooking({ offer, book, invalidate, zone, remaining }: SeriesBookingProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(() => tomorrowIn(zone));
  if (remaining <= 0) return <p className="kw-muted">Every planned session is booked or done.</p>;
  if (!open) {
    return (
      <div className={styles.seriesStart}>
        <p className={styles.seriesLead}>
          {remaining} {remaining === 1 ? "session is" : "sessions are"} still to book.
        </p>
        <Button onClick={() => setOpen(true)}>Book the series</Button>
      </div>
    );
  }
  return (
    <div className={styles.series}>
      <div className="kw-field">
        <label htmlFor={`${id}-from`}>First session on or after</label>
        <input
          id={`${id}-from`}
          type="date"
          className="kw-input"
          min={tomorrowIn(zone)}
          value={from}
          onChange={(event) => event.target.value && setFrom(event.target.value)}
        />
      </div>
      <SeriesOfferForm key={from} from={from} offer={offer} book={book} invalidate={invalidate} zone={zone} />
    </div>
  );
}

function SeriesOfferForm({
  from,
  offer: source,
  book,
  invalidate,
  zone,
}: {
  from: string;
  offer: SeriesBookingProps["offer"];
  book: (starts: string[]) => Promise<SeriesBookResult>;
  invalidate: readonly QueryKey[];
  zone: string;
}) {
  const queryClient = useQueryClient();
  const offer = useQuery({ queryKey: source.key(from), queryFn: () => source.fetch(from), staleTime: 0 });
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [result, setResult] = useState<SeriesBookResult | null>(null);
  const mutation = useMutation({
    mutationFn: (starts: string[]) => book(starts),
    onSuccess: (answer) => {
      setResult(answer);
      for (const key of [...invalidate, planKeys.all]) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  if (offer.isPending) return <Loading label="Finding times…" />;
  if (offer.error)
    return (
      <Alert tone="danger">
        {offer.error instanceof ApiError ? offer.error.message : "Could not find times for the series."}
      </Alert>
    );
  const data = offer.data;
  const offered = data.slots.filter((s) => s.start !== null).map((s) => s.start as string);
  const selected = chosen ?? new Set(offered);

  if (result) return <SeriesResult result={result} zone={zone} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const starts = offered.filter((s) => selected.has(s));
    if (starts.length > 0) mutation.mutate(starts);
  };
  return (
    <form onSubmit={submit} className={styles.seriesForm}>
      <p className={styles.seriesLead}>
        {data.service.name} with {data.therapist.name}, every {data.intervalDays} days. Untick any you do not
        want.
      </p>
      <ul className={styles.seriesSlots}>
        {data.slots.map((slot) => (
          <li key={slot.index} className={styles.seriesSlot}>
            {slot.start ? (
              <label className={styles.seriesCheck}>
                <input
                  type="checkbox"
                  checked={selected.has(slot.start)}
                  onChange={(event) => {
                    const next = new Set(selected);
                    if (event.target.checked) next.add(slot.start as string);
                    else next.delete(slot.start as string);
                    setChosen(next);
                  }}
                />
                <span>
                  <span className={styles.seriesWhen}>
                    Session {slot.index + 1}: {startWords(slot.start, zone)}
                  </span>
                  {localDate(slot.start, zone) !== slot.targetDate ? (
                    <span className={styles.seriesNote}> (planned for {dayWords(slot.targetDate)})</span>
                  ) : null}
                </span>
              </label>
            ) : (
              <p className={styles.seriesMissing}>
                <span className={styles.seriesWhen}>
                  Session {slot.index + 1} ({dayWords(slot.targetDate)}):
                </span>{" "}
                {slot.reason ?? "No time free near that day."}
              </p>
            )}
          </li>
        ))}
      </ul>
      {mutation.error ? (
        <Alert tone="danger">
          {mutation.error instanceof ApiError
            ? mutation.error.message
            : "That didn't work. Please try again."}
        </Alert>
      ) : null}
      <button
        type="submit"
        className="kw-button kw-button--primary"
        disabled={mutation.isPending || offered.filter((s) => selected.has(s)).length === 0}
      >
        {mutation.isPending
          ? "Booking…"
          : `Book ${offered.filter((s) => selected.has(s)).length} ${offered.filter((s) => selected.has(s)).length === 1 ? "session" : "sessions"}`}
      </button>
    </form>
  );
}

/** Each slot's answer, in the order asked. */
export function SeriesResult({ result, zone }: { result: SeriesBookResult; zone: string }) {
  return (
    <div className={styles.seriesResult} role="status">
      <p className={styles.seriesLead}>
        {result.booked} booked
        {result.unavailable > 0 ? `, ${result.unavailable} could not be had` : ""}.
      </p>
      <ul className={styles.seriesSlots}>
        {result.slots.map((slot) => (
          <li key={slot.start} className={styles.seriesSlot}>
            <span className={styles.seriesWhen}>{startWords(slot.start, zone)}:</span>{" "}
            {slot.outcome === "booked" ? (
              <span className={styles.seriesBooked}>
                {slot.status === "confirmed"
                  ? "Booked and confirmed."
                  : "Requested: the clinic will confirm it."}
              </span>
            ) : (
              <span className={styles.seriesFailed}>
                Not booked. {slot.message ?? "That time is no longer free."}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
