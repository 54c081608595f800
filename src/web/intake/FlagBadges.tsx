/** Screening flags as small badges beside a client's name (staff lists, page headers). */
import type { ScreeningFlag } from "../../core/api/intake";
import { cx } from "../ui/cx";
import styles from "./StaffIntake.module.css";

const FLAG_CLASS: Record<ScreeningFlag["kind"], string | undefined> = {
  "red-flag": styles.flagRedFlag,
  hold: styles.flagHold,
  caution: styles.flagCaution,
};

const KIND_LABEL: Record<ScreeningFlag["kind"], string> = {
  "red-flag": "Red flag",
  hold: "On hold",
  caution: "Caution",
};

export function FlagBadges({ flags, limit = 3 }: { flags: readonly ScreeningFlag[]; limit?: number }) {
  const open = flags.filter((f) => !f.cleared);
  if (open.length === 0) return null;
  const shown = open.slice(0, limit);
  return (
    <span className={styles.flags}>
      {shown.map((flag) => (
        <span key={`${flag.kind}:${flag.id}`} className={cx(styles.flag, FLAG_CLASS[flag.kind])}>
          <span className={styles.flagKind}>{KIND_LABEL[flag.kind]}:</span> {flag.label}
          {flag.provisional ? <span className={styles.flagNote}> (not yet submitted)</span> : null}
        </span>
      ))}
      {open.length > shown.length ? (
        <span className={cx(styles.flag, styles.flagMore)}>+{open.length - shown.length} more</span>
      ) : null}
    </span>
  );
}
