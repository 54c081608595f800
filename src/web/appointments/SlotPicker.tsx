/**
 * A day strip and the open times of the chosen day, from the availability search, shown in one
 * zone (the client's own on the booking page, the clinic's at the front desk). Used by online
 * booking, phone booking, "propose another time" and reschedule.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useState } from "react";
import type { AvailabilitySlot } from "../../core/scheduling/contract";
import { ApiError } from "../api/client";
import { Alert, Loading } from "../ui/components";
import { cx } from "../ui/cx";
import styles from "./Appointments.module.css";
import { type AvailabilityParams, availabilityQuery } from "./api";
import { addDays, formatClock, formatLocalDay, localDateOf, minuteOfDay } from "./time";

export const STRIP_DAYS = 14;

export interface SlotPickerProps {
  /** The clinic's slug for the public (online) search; null = the staff search. */
  slug: string | null;
  serviceId: string;
  therapistId?: string | null;
  /** The zone slots are shown in; sent to the API as `zone` so "days" are this zone's days. */
  zone: string;
  /** First day that may be chosen (today in `zone`). */
  today: string;
  /** Last day offered (the clinic's booking horizon). */
  lastDay?: string;
  selected: string | null;
  onSelect(slot: AvailabilitySlot): void;
  /** The day to show first (kept in the URL by the booking page). */
  day?: string | null;
  onDayChange?(day: string): void;
  /** Bump to fetch again (after "that time was just taken"). */
  refreshKey?: number;
  /** Heading level of the day title. */
  compact?: boolean;
}

type Load =
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "done"; slots: AvailabilitySlot[]; zone: string };

/** The open times of a window of days; `refreshKey` bumps fetch again (after "that time was taken"). */
function useAvailability(slug: string | null, params: AvailabilityParams, refreshKey: number): Load {
  const query = useQuery(availabilityQuery(slug, params));
  const { refetch } = query;
  useEffect(() => {
    if (refreshKey > 0) void refetch();
  }, [refreshKey, refetch]);
  if (query.isError) {
    return {
      state: "error",
      message: query.error instanceof ApiError ? query.error.message : "Could not load open times.",
    };
  }
  if (!query.data || query.isFetching) return { state: "loading" };
  return { state: "done", slots: query.data.slots, zone: query.data.zone };
}

function partOfDay(minute: number): "Morning" | "Afternoon" | "Evening" {
  return minute < 12 * 60 ? "Morning" : minute < 17 * 60 ? "Afternoon" : "Evening";
}

export function SlotPicker({
  slug,
  serviceId,
  therapistId,
  zone,
  today,
  lastDay,
  selected,
  onSelect,
  day,
  onDayChange,
  refreshKey = 0,
  compact = false,
}: SlotPickerProps) {
  const initialStart = day && day >= today ? day : today;
  const [windowStart, setWindowStart] = useState(initialStart);
  const windowEnd = addDays(windowStart, STRIP_DAYS - 1);
  const load = useAvailability(
    slug,
    { serviceId, therapistId, from: windowStart, to: windowEnd, zone },
    refreshKey,
  );
  const [chosenDay, setChosenDay] = useState<string | null>(day ?? null);
  const headingId = useId();

  const byDay = useMemo(() => {
    const groups = new Map<string, AvailabilitySlot[]>();
    if (load.state !== "done") return groups;
    for (const slot of load.slots) {
      const date = localDateOf(slot.start, zone);
      groups.set(date, [...(groups.get(date) ?? []), slot]);
    }
    return groups;
  }, [load, zone]);

  const days = useMemo(
    () => Array.from({ length: STRIP_DAYS }, (_, i) => addDays(windowStart, i)),
    [windowStart],
  );

  // Once slots arrive, show the chosen day if it has open times, else the first day that does. A day
  // without times cannot be clicked, so an empty chosen day only comes from a caller (today at the
  // desk in the evening, an appointment's own day): opening on "no times" would be a dead end.
  const firstOpen = days.find((d) => (byDay.get(d)?.length ?? 0) > 0) ?? null;
  const chosenHasTimes = chosenDay !== null && (byDay.get(chosenDay)?.length ?? 0) > 0;
  const activeDay = chosenHasTimes
    ? chosenDay
    : (firstOpen ?? (chosenDay && days.includes(chosenDay) ? chosenDay : null));
  useEffect(() => {
    if (load.state === "done" && activeDay && activeDay !== chosenDay) {
      setChosenDay(activeDay);
      onDayChange?.(activeDay);
    }
  }, [load.state, activeDay, chosenDay, onDayChange]);

  function chooseDay(next: string) {
    setChosenDay(next);
    onDayChange?.(next);
  }

  const canGoBack = windowStart > today;
  const canGoOn = !lastDay || windowEnd < lastDay;
  const daySlots = activeDay ? (byDay.get(activeDay) ?? []) : [];
  const groups = new Map<string, AvailabilitySlot[]>();
  for (const slot of daySlots) {
    const part = partOfDay(minuteOfDay(slot.start, zone));
    groups.set(part, [...(groups.get(part) ?? []), slot]);
  }

  return (
    <div className={compact ? styles.slotsCompact : undefined}>
      <div className={styles.slotsStripBar}>
        <button
          type="button"
          className={cx(styles.slotsPage, "kw-button kw-button--ghost")}
          onClick={() => {
            const previous = addDays(windowStart, -STRIP_DAYS);
            setWindowStart(previous < today ? today : previous);
            setChosenDay(null);
          }}
          disabled={!canGoBack}
          aria-label="Earlier days"
        >
          ‹
        </button>
        <ul className={styles.slotsStrip} aria-label="Days">
          {days.map((d) => {
            const count = byDay.get(d)?.length ?? 0;
            const beyond = lastDay !== undefined && d > lastDay;
            const label = `${formatLocalDay(d, "long")}: ${
              load.state !== "done" ? "loading" : count === 0 ? "no open times" : `${count} open times`
            }`;
            return (
              <li key={d}>
                <button
                  type="button"
                  className={styles.slotsDay}
                  aria-pressed={d === activeDay}
                  aria-label={label}
                  disabled={load.state === "done" && (count === 0 || beyond)}
                  onClick={() => chooseDay(d)}
                >
                  <span className={styles.slotsWeekday}>{formatLocalDay(d, "weekday")}</span>
                  <span className={styles.slotsDaynum}>{formatLocalDay(d, "dayNumber")}</span>
                  <span className={styles.slotsMonth}>{formatLocalDay(d, "monthDay").split(" ")[0]}</span>
                </button>
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          className={cx(styles.slotsPage, "kw-button kw-button--ghost")}
          onClick={() => {
            setWindowStart(addDays(windowStart, STRIP_DAYS));
            setChosenDay(null);
          }}
          disabled={!canGoOn}
          aria-label="Later days"
        >
          ›
        </button>
      </div>

      {load.state === "loading" ? <Loading label="Finding open times…" /> : null}
      {load.state === "error" ? <Alert tone="danger">{load.message}</Alert> : null}
      {load.state === "done" && !activeDay ? (
        <p className="kw-empty">
          No open times between {formatLocalDay(windowStart, "monthDay")} and{" "}
          {formatLocalDay(windowEnd, "monthDay")}.{canGoOn ? " Try later days." : ""}
        </p>
      ) : null}
      {load.state === "done" && activeDay ? (
        <section aria-labelledby={headingId} className={styles.slotsDayTimes}>
          <h3 id={headingId} className={styles.slotsTitle}>
            {formatLocalDay(activeDay, "long")}
          </h3>
          {[...groups.entries()].map(([part, slots]) => (
            <div key={part}>
              <p className={styles.slotsPart}>{part}</p>
              <ul className={styles.slotsTimes} aria-label={`${part} times`}>
                {slots.map((slot) => (
                  <li key={slot.start}>
                    <button
                      type="button"
                      className={styles.slotsTime}
                      aria-pressed={slot.start === selected}
                      onClick={() => onSelect(slot)}
                    >
                      {formatClock(slot.start, zone)}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
    </div>
  );
}
