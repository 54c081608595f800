/**
 * The calendar on a phone: a grid of three therapists (or seven days) cannot fit 390 px, so a phone
 * shows one day and one column at a time: a switcher for the therapist (or room), then that column's
 * appointments as a list in time order. Each opens the same appointment dialog as a block does.
 */
import { useState } from "react";
import type { Appointment } from "../../core/api/clinic";
import { formatClock, formatLocalDay } from "../appointments/time";
import { cx } from "../ui/cx";
import styles from "./Calendar.module.css";
import type { Block, Column } from "./layout";

export function PhoneAgenda({
  columns,
  blocks,
  date,
  zone,
  by,
  statusClass,
  statusWords,
  onOpen,
}: {
  columns: readonly Column[];
  blocks: readonly Block[];
  date: string;
  zone: string;
  by: "therapist" | "room";
  statusClass: Readonly<Record<string, string | undefined>>;
  statusWords: Readonly<Record<string, string>>;
  onOpen(id: string): void;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const column = columns.find((c) => c.key === chosen) ?? columns[0];
  if (!column) return <p className="kw-empty">No {by === "room" ? "rooms" : "therapists"} yet.</p>;
  const mine = blocks
    .filter((b) => b.column === column.key)
    .map((b) => b.appointment)
    .sort((x, y) => Date.parse(x.startsAt) - Date.parse(y.startsAt));
  return (
    <section className={styles.agenda} aria-labelledby="cal-agenda-title">
      <fieldset className={cx(styles.agendaSwitch, "kw-pills")}>
        <legend className="kw-visually-hidden">{by === "room" ? "Room" : "Therapist"}</legend>
        {columns.map((c) => (
          <button
            key={c.key}
            type="button"
            className="kw-pill"
            aria-pressed={c.key === column.key}
            onClick={() => setChosen(c.key)}
          >
            {c.label}
          </button>
        ))}
      </fieldset>
      <h3 id="cal-agenda-title" className={styles.agendaTitle}>
        {column.label}, {formatLocalDay(date, "long")}
      </h3>
      {mine.length === 0 ? (
        <p className="kw-empty">Nothing booked.</p>
      ) : (
        <ul className={styles.agendaList}>
          {mine.map((a) => (
            <li key={a.id}>
              <AgendaItem
                appointment={a}
                zone={zone}
                by={by}
                className={statusClass[a.status]}
                status={statusWords[a.status] ?? a.status}
                onOpen={() => onOpen(a.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AgendaItem({
  appointment: a,
  zone,
  by,
  className,
  status,
  onOpen,
}: {
  appointment: Appointment;
  zone: string;
  by: "therapist" | "room";
  className: string | undefined;
  status: string;
  onOpen(): void;
}) {
  const place = by === "room" ? a.therapist.name : a.room?.name;
  return (
    <button type="button" className={cx(styles.calBlock, styles.agendaItem, className)} onClick={onOpen}>
      <span className={styles.agendaTime}>
        {formatClock(a.startsAt, zone)}–{formatClock(a.endsAt, zone)}
        {a.firstVisit ? <span className={styles.calFirst}>1st</span> : null}
      </span>
      <span className={styles.calBlockWho}>{a.client.name}</span>
      <span className={styles.calBlockWhat}>
        {a.service.name}
        {place ? ` · ${place}` : ""} · {status}
      </span>
    </button>
  );
}
