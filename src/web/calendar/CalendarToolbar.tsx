import { isValidLocalDate } from "../appointments/time";
import { Button } from "../ui/components";
import { cx } from "../ui/cx";
import styles from "./Calendar.module.css";
import type { By, View } from "./status";

/** Today, previous / next, the date, day or week, therapists or rooms, and showing cancelled ones. */
export function CalendarToolbar({
  view,
  by,
  date,
  title,
  showAll,
  phone,
  move,
  set,
}: {
  view: View;
  by: By;
  date: string;
  title: string;
  showAll: boolean;
  /** A phone has the day agenda only: no week, no grid. */
  phone: boolean;
  move(direction: -1 | 0 | 1): void;
  set(changes: Record<string, string | null>): void;
}) {
  return (
    <div className={styles.calToolbar}>
      <div className="kw-row">
        <Button variant="secondary" onClick={() => move(0)} aria-keyshortcuts="T">
          Today
        </Button>
        <Button
          variant="ghost"
          onClick={() => move(-1)}
          aria-label={view === "day" ? "Previous day" : "Previous week"}
        >
          ‹
        </Button>
        <Button
          variant="ghost"
          onClick={() => move(1)}
          aria-label={view === "day" ? "Next day" : "Next week"}
        >
          ›
        </Button>
        <h2 className={styles.calTitle} aria-live="polite">
          {title}
        </h2>
        <label className="kw-visually-hidden" htmlFor="cal-date">
          Go to date
        </label>
        <input
          id="cal-date"
          type="date"
          className={cx(styles.calDate, "kw-input")}
          value={date}
          onChange={(e) => isValidLocalDate(e.target.value) && set({ date: e.target.value })}
        />
      </div>
      <span className="kw-spacer" />
      <div className="kw-row">
        {phone ? null : (
          <fieldset className="kw-pills">
            <legend className="kw-visually-hidden">View</legend>
            <button
              type="button"
              className="kw-pill"
              aria-pressed={view === "day"}
              onClick={() => set({ view: null })}
            >
              Day
            </button>
            <button
              type="button"
              className="kw-pill"
              aria-pressed={view === "week"}
              onClick={() => set({ view: "week" })}
            >
              Week
            </button>
          </fieldset>
        )}
        {view === "day" ? (
          <fieldset className="kw-pills">
            <legend className="kw-visually-hidden">Columns</legend>
            <button
              type="button"
              className="kw-pill"
              aria-pressed={by === "therapist"}
              onClick={() => set({ by: null })}
            >
              Therapists
            </button>
            <button
              type="button"
              className="kw-pill"
              aria-pressed={by === "room"}
              onClick={() => set({ by: "room" })}
            >
              Rooms
            </button>
          </fieldset>
        ) : null}
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={showAll}
            onChange={(e) => set({ all: e.target.checked ? "1" : null })}
          />
          Show cancelled and declined
        </label>
      </div>
    </div>
  );
}
