import type { MouseEvent } from "react";
import { type DayHours, type OffSpan, shadedSpans } from "../../core/calendar/working-hours";
import { formatHour, formatLocalDay } from "../appointments/time";
import styles from "./Calendar.module.css";
import { BlockButton } from "./CalendarBlock";
import { NowLine } from "./CalendarParts";
import type { Block, Column } from "./layout";
import { type By, PX_PER_MIN, type View } from "./status";
import { closedLabel, columnHeadHours, hoursInWords } from "./working";

/** The laptop calendar: an hour axis and a column per therapist, room or day, blocks placed by the clock. */
export function CalendarGrid({
  view,
  by,
  date,
  today,
  zone,
  columns,
  blocks,
  hours,
  working,
  onOpen,
  onBookAt,
}: {
  view: View;
  by: By;
  date: string;
  today: string;
  zone: string;
  columns: Column[];
  blocks: Block[];
  hours: { start: number; end: number };
  /** Each column's day (working, time off, closed; wall-clock minutes), or null while unknown. */
  working: ReadonlyMap<string, DayHours | null>;
  onOpen(id: string): void;
  /** A click on an empty spot of a column: book there, at the quarter hour under the pointer. */
  onBookAt(column: Column, time: string): void;
}) {
  function bookAt(column: Column, event: MouseEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const minute = hours.start * 60 + (event.clientY - rect.top) / PX_PER_MIN;
    const rounded = Math.max(0, Math.min(24 * 60 - 15, Math.floor(minute / 15) * 15));
    onBookAt(
      column,
      `${String(Math.floor(rounded / 60)).padStart(2, "0")}:${String(rounded % 60).padStart(2, "0")}`,
    );
  }
  // A therapist's column shows their own hours; a day or a room, the hours anyone works.
  const ownHours = view === "day" && by === "therapist";
  return (
    <div className={styles.cal} data-view={view}>
      <div
        className={styles.calGrid}
        style={{
          gridTemplateColumns: `4.5rem repeat(${Math.max(1, columns.length)}, minmax(${view === "week" ? "7.5rem" : "10rem"}, 1fr))`,
        }}
      >
        <div className={styles.calCorner} aria-hidden="true" />
        {columns.map((c) => {
          const day = working.get(c.key);
          return (
            <div
              key={c.key}
              className={styles.calColhead}
              data-today={view === "week" && c.key === today ? "true" : undefined}
              aria-hidden="true"
            >
              {c.label}
              {day ? (
                <span className={styles.calColHours}>
                  {columnHeadHours(day, ownHours ? "Not working" : "Closed")}
                </span>
              ) : null}
            </div>
          );
        })}
        <div
          className={styles.calAxis}
          aria-hidden="true"
          style={{ height: (hours.end - hours.start) * 60 * PX_PER_MIN }}
        >
          {Array.from({ length: hours.end - hours.start }, (_, i) => hours.start + i).map((hour) => (
            <span key={hour} style={{ top: (hour - hours.start) * 60 * PX_PER_MIN }}>
              {formatHour(hour)}
            </span>
          ))}
        </div>
        {columns.map((c) => {
          const mine = blocks
            .filter((b) => b.column === c.key)
            .sort((x, y) => x.top - y.top || x.lane - y.lane);
          const columnDate = view === "week" ? c.key : date;
          const heading =
            view === "week" ? formatLocalDay(c.key, "long") : `${c.label}, ${formatLocalDay(date, "long")}`;
          const day = working.get(c.key) ?? null;
          const window = { start: hours.start * 60, end: hours.end * 60 };
          const off = day ? shadedSpans(day, window) : [];
          // The shading is decoration: the column's name says the hours, and why not, in words.
          const hoursWords = day ? hoursInWords(day, ownHours) : null;
          const booked = mine.length === 0 ? "nothing booked" : `${mine.length} appointments`;
          return (
            <section
              key={c.key}
              className={styles.calCol}
              aria-label={`${heading}: ${hoursWords ? `${hoursWords}; ` : ""}${booked}`}
              data-working={day ? (day.working.length === 0 ? "none" : "some") : undefined}
            >
              {/* A click on empty space books there; keyboard users have New booking (N). */}
              {/* biome-ignore lint/a11y/noStaticElementInteractions: mouse shortcut; the New booking button is the accessible path */}
              {/* biome-ignore lint/a11y/useKeyWithClickEvents: same */}
              <div
                className={styles.calLanes}
                style={{
                  height: (hours.end - hours.start) * 60 * PX_PER_MIN,
                  backgroundSize: `100% ${60 * PX_PER_MIN}px`,
                }}
                onClick={(e) => bookAt(c, e)}
                title="Click an empty spot to book there"
              >
                {off.map((span, i) => (
                  <OffBand
                    key={span.start}
                    span={span}
                    windowStart={window.start}
                    day={day}
                    // One label per kind and column: a day closed around a break says it once.
                    labelled={off.findIndex((s) => s.kind === span.kind) === i}
                  />
                ))}
                {day && day.working.length === 0 && !off.some((s) => s.kind !== "off-hours") ? (
                  <span className={styles.calOffLabel} aria-hidden="true">
                    {ownHours ? "Not working" : "Closed"}
                  </span>
                ) : null}
                {columnDate === today ? (
                  <NowLine zone={zone} startHour={hours.start} endHour={hours.end} />
                ) : null}
                <ul className={styles.calBlocks}>
                  {mine.map((b) => (
                    <BlockButton
                      key={b.appointment.id}
                      block={b}
                      zone={zone}
                      startHour={hours.start}
                      view={view}
                      by={by}
                      onOpen={() => onOpen(b.appointment.id)}
                    />
                  ))}
                </ul>
              </div>
            </section>
          );
        })}
      </div>
      {columns.length === 0 ? (
        <p className="kw-empty">No {by === "room" ? "rooms" : "therapists"} yet.</p>
      ) : null}
    </div>
  );
}

const OFF_CLASS: Record<OffSpan["kind"], string | undefined> = {
  "off-hours": styles.calOff,
  "time-off": styles.calOffTimeOff,
  closed: styles.calOffClosed,
};

/**
 * One shaded stretch. Ordinary off-hours are a plain hatch; time off and a closed day are bands with
 * their own pattern, an edge and a label, so they read apart without colour. Hidden from assistive
 * technology: the column's name says the same in words.
 */
function OffBand({
  span,
  windowStart,
  day,
  labelled,
}: {
  span: OffSpan;
  windowStart: number;
  day: DayHours | null;
  labelled: boolean;
}) {
  const label = !labelled
    ? null
    : span.kind === "time-off"
      ? "Time off"
      : span.kind === "closed" && day
        ? closedLabel(day)
        : null;
  return (
    <div
      className={OFF_CLASS[span.kind]}
      data-kind={span.kind}
      style={{
        top: (span.start - windowStart) * PX_PER_MIN,
        height: (span.end - span.start) * PX_PER_MIN,
      }}
      aria-hidden="true"
    >
      {label ? <span className={styles.calOffBandLabel}>{label}</span> : null}
    </div>
  );
}
