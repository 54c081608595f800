import { useId } from "react";
import { SlotPicker } from "../appointments/SlotPicker";
import { addDays } from "../appointments/time";
import styles from "./PhoneBooking.module.css";

/** The time of a phone booking: one of the open times, or typed (the desk can book outside them). */
export function PhoneTime({
  mode,
  onMode,
  serviceId,
  therapistId,
  timeZone,
  today,
  date,
  onDate,
  time,
  onTime,
  slotStart,
  onSlot,
  refreshKey,
}: {
  mode: "slots" | "typed";
  onMode(mode: "slots" | "typed"): void;
  serviceId: string | null;
  therapistId: string;
  timeZone: string;
  today: string;
  date: string;
  onDate(date: string): void;
  time: string;
  onTime(time: string): void;
  slotStart: string | null;
  onSlot(start: string): void;
  refreshKey: number;
}) {
  const ids = { date: useId(), time: useId() };
  return (
    <div className="kw-stack">
      <fieldset className="kw-pills">
        <legend className="kw-visually-hidden">How to pick the time</legend>
        <button
          type="button"
          className="kw-pill"
          aria-pressed={mode === "slots"}
          onClick={() => onMode("slots")}
        >
          Open times
        </button>
        <button
          type="button"
          className="kw-pill"
          aria-pressed={mode === "typed"}
          onClick={() => onMode("typed")}
        >
          Type a time
        </button>
      </fieldset>
      {mode === "slots" && serviceId ? (
        <SlotPicker
          slug={null}
          serviceId={serviceId}
          therapistId={therapistId || null}
          zone={timeZone}
          today={today}
          lastDay={addDays(today, 365)}
          day={date}
          onDayChange={onDate}
          selected={slotStart}
          onSelect={(slot) => onSlot(slot.start)}
          refreshKey={refreshKey}
          compact
        />
      ) : null}
      {mode === "typed" ? (
        <div className={styles.phonePair}>
          <div className="kw-field">
            <label htmlFor={ids.date}>Date</label>
            <input
              id={ids.date}
              className="kw-input"
              type="date"
              min={today}
              value={date}
              onChange={(e) => onDate(e.target.value)}
            />
          </div>
          <div className="kw-field">
            <label htmlFor={ids.time}>Start (clinic time)</label>
            <input
              id={ids.time}
              className="kw-input"
              type="time"
              step={300}
              value={time}
              onChange={(e) => onTime(e.target.value)}
            />
          </div>
        </div>
      ) : null}
    </div>
  );
}
