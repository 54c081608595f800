import styles from "./Calendar.module.css";

export { STATUS_LABELS as STATUS_WORDS } from "../ui/components";

/** Each status's colour in the calendar (the block and its legend swatch). */
export const STATUS_CLASS: Record<string, string | undefined> = {
  requested: styles.calBlockRequested,
  confirmed: styles.calBlockConfirmed,
  declined: styles.calBlockDeclined,
  cancelled: styles.calBlockCancelled,
  completed: styles.calBlockCompleted,
  no_show: styles.calBlockNoShow,
};

/** Pixels per minute of the day grid. */
export const PX_PER_MIN = 1.1;

export type View = "day" | "week";
export type By = "therapist" | "room";
