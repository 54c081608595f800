import { useEffect, useState } from "react";
import { minuteOfDay } from "../appointments/time";
import { cx } from "../ui/cx";
import styles from "./Calendar.module.css";
import { PX_PER_MIN, STATUS_CLASS, STATUS_WORDS } from "./status";

/** What each colour means. */
export function Legend() {
  return (
    <ul className={styles.calLegend} aria-label="Colours">
      {["requested", "confirmed", "completed", "no_show", "cancelled"].map((s) => (
        <li key={s}>
          <span className={cx(styles.calSwatch, STATUS_CLASS[s])} aria-hidden="true" />
          {STATUS_WORDS[s]}
        </li>
      ))}
      <li>
        <span className={cx(styles.calSwatch, styles.calSwatchOff)} aria-hidden="true" />
        Outside working hours
      </li>
      <li>
        <span className={cx(styles.calSwatch, styles.calSwatchTimeOff)} aria-hidden="true" />
        Time off
      </li>
      <li>
        <span className={cx(styles.calSwatch, styles.calSwatchClosed)} aria-hidden="true" />
        Date override: closed
      </li>
    </ul>
  );
}

/** A line across today's column at the current minute. */
export function NowLine({ zone, startHour, endHour }: { zone: string; startHour: number; endHour: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const minute = minuteOfDay(now, zone);
  if (minute < startHour * 60 || minute > endHour * 60) return null;
  return (
    <div
      className={styles.calNow}
      style={{ top: (minute - startHour * 60) * PX_PER_MIN }}
      aria-hidden="true"
    />
  );
}
