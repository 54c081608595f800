import { formatClock } from "../appointments/time";
import { cx } from "../ui/cx";
import { initials } from "../ui/initials";
import styles from "./Calendar.module.css";
import type { Block } from "./layout";
import { type By, PX_PER_MIN, STATUS_CLASS, STATUS_WORDS, type View } from "./status";

function shortName(name: string): string {
  const [first = "", ...rest] = name.split(/\s+/);
  const last = rest.at(-1);
  return last ? `${first} ${last[0]}.` : first;
}

/** One appointment on the grid: its time, client and what, coloured by status; opens the dialog. */
export function BlockButton({
  block,
  zone,
  startHour,
  view,
  by,
  onOpen,
}: {
  block: Block;
  zone: string;
  startHour: number;
  view: View;
  by: By;
  onOpen(): void;
}) {
  const a = block.appointment;
  const time = `${formatClock(a.startsAt, zone)}–${formatClock(a.endsAt, zone)}`;
  const place = [
    view === "week" || by === "room" ? a.therapist.name : null,
    by === "therapist" || view === "week" ? a.room?.name : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const label = [
    time,
    a.client.name,
    a.service.name,
    a.therapist.name,
    a.room?.name,
    STATUS_WORDS[a.status] ?? a.status,
    a.firstVisit ? "first visit" : null,
  ]
    .filter(Boolean)
    .join(", ");
  const width = 100 / block.lanes;
  // A week column split in lanes is a few characters wide: "9:00 Alex M." says enough there.
  const narrow = view === "week" && block.lanes > 1;
  const short = block.height * PX_PER_MIN < 44;
  return (
    <li
      className={styles.calItem}
      style={{
        top: (block.top - startHour * 60) * PX_PER_MIN,
        height: block.height * PX_PER_MIN,
        left: `${block.lane * width}%`,
        width: `${width}%`,
      }}
    >
      <button
        type="button"
        className={cx(styles.calBlock, STATUS_CLASS[a.status], short && styles.calBlockShort)}
        aria-label={label}
        onClick={onOpen}
      >
        <span className={styles.calBlockTime}>
          {narrow ? formatClock(a.startsAt, zone).replace(/\s?[AP]M$/, "") : formatClock(a.startsAt, zone)}
          {a.firstVisit ? <span className={styles.calFirst}>1st</span> : null}
        </span>
        <span className={styles.calBlockWho}>{narrow ? shortName(a.client.name) : a.client.name}</span>
        {!short ? (
          <span className={styles.calBlockWhat}>
            {view === "week" ? initials(a.therapist.name) : a.service.name}
            {place && view === "day" ? ` · ${place}` : ""}
            {view === "week" && a.room ? ` · ${a.room.name}` : ""}
          </span>
        ) : null}
      </button>
    </li>
  );
}
