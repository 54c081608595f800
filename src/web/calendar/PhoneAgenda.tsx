import type { Appointment } from "../../core/api/clinic";
import type { DayHours } from "../../core/calendar/working-hours";
import { formatClock } from "../appointments/time";
import { Button, Empty } from "../ui/components";
import { cx } from "../ui/cx";
import { agendaColumn, agendaItems, neighbours } from "./agenda";
import styles from "./Calendar.module.css";
import type { Column, ColumnOf } from "./layout";
import { STATUS_CLASS, STATUS_WORDS } from "./status";
import { agendaHoursText } from "./working";

/**
 * The calendar on a phone: one day, one therapist (or room) at a time, as a list in time order,
 * with the others one tap away (their names, and previous / next).
 */
export function PhoneAgenda({
  columns,
  columnOf,
  appointments,
  date,
  zone,
  chosen,
  working,
  onChoose,
  onOpen,
}: {
  columns: Column[];
  columnOf: ColumnOf;
  appointments: readonly Appointment[];
  date: string;
  zone: string;
  chosen: string | null;
  /** Each column's day (working, time off, closed), or null while unknown. */
  working: ReadonlyMap<string, DayHours | null>;
  onChoose(key: string): void;
  onOpen(id: string): void;
}) {
  const column = agendaColumn(columns, chosen);
  if (!column) return <Empty>Nobody to show yet.</Empty>;
  const { previous, next } = neighbours(columns, column.key);
  const items = agendaItems(appointments, (a) => columnOf(a, date) === column.key);
  const day = working.get(column.key) ?? null;
  return (
    <section
      className={styles.agenda}
      aria-label={`${column.label}: ${items.length === 0 ? "nothing booked" : `${items.length} appointments`}`}
    >
      <div className={styles.agendaPick}>
        <Button
          variant="ghost"
          disabled={!previous}
          onClick={() => previous && onChoose(previous.key)}
          aria-label={previous ? `Previous: ${previous.label}` : "Previous"}
        >
          ‹
        </Button>
        <label className="kw-visually-hidden" htmlFor="cal-agenda-column">
          Whose day
        </label>
        <select
          id="cal-agenda-column"
          className="kw-input"
          value={column.key}
          onChange={(e) => onChoose(e.target.value)}
        >
          {columns.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
        <Button
          variant="ghost"
          disabled={!next}
          onClick={() => next && onChoose(next.key)}
          aria-label={next ? `Next: ${next.label}` : "Next"}
        >
          ›
        </Button>
      </div>
      {day ? (
        <p
          className={cx(
            styles.agendaHours,
            // A day lost to time off or an override says so with its own edge, not the plain hatch.
            day.closed.length > 0
              ? styles.agendaHoursClosed
              : day.timeOff.length > 0
                ? styles.agendaHoursTimeOff
                : day.working.length === 0 && styles.agendaHoursOff,
          )}
        >
          {agendaHoursText(column.label, day)}
        </p>
      ) : null}
      {items.length === 0 ? (
        <Empty>Nothing booked with {column.label} this day.</Empty>
      ) : (
        <ul className={styles.agendaList}>
          {items.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className={cx(styles.agendaItem, STATUS_CLASS[a.status])}
                onClick={() => onOpen(a.id)}
              >
                <span className={styles.agendaTime}>
                  {formatClock(a.startsAt, zone)}–{formatClock(a.endsAt, zone)}
                </span>
                <span className={styles.agendaWho}>
                  {a.client.name}
                  {a.firstVisit ? <span className={styles.calFirst}>1st</span> : null}
                </span>
                <span className={styles.agendaWhat}>
                  {a.service.name}
                  {a.room ? ` · ${a.room.name}` : ""} · {STATUS_WORDS[a.status] ?? a.status}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
