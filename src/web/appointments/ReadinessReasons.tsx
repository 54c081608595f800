import styles from "./Appointments.module.css";
import type { Readiness } from "./api";

/** What still stands before a request can be confirmed, one line each. */
export function ReadinessReasons({ reasons }: { reasons: Readiness["reasons"] }) {
  if (reasons.length === 0) return null;
  return (
    <ul className={styles.reasons}>
      {reasons.map((r) => (
        <li key={`${r.code}:${r.findingId ?? ""}`}>{r.message}</li>
      ))}
    </ul>
  );
}
