import type { ClearanceRecord, StaffScreening } from "../../core/api/intake";
import { cx } from "../ui/cx";
import { ClearanceForm } from "./ClearanceForm";
import styles from "./StaffIntake.module.css";
import { formatDate, formatDateTime } from "./staff-format";

export function ScreeningPanel({
  clientId,
  screening,
  timeZone,
}: {
  clientId: string;
  screening: StaffScreening;
  timeZone: string;
}) {
  const { redFlags, holds, cautions } = screening;
  if (redFlags.length + holds.length + cautions.length === 0) {
    return (
      <section className={cx(styles.screening, styles.screeningClear)} aria-label="Screening">
        <p>
          <strong>Screening: nothing to flag.</strong> No red flags, holds or cautions in what the client has
          told us.
        </p>
      </section>
    );
  }
  return (
    <section className={styles.screening} aria-labelledby="kw-screening-title">
      <h2 id="kw-screening-title" className="kw-visually-hidden">
        Screening
      </h2>
      {redFlags.map((f) => (
        <div
          key={f.id}
          className={cx(styles.finding, styles.findingRedFlag)}
          role="alert"
          data-testid="finding-red-flag"
        >
          <p className={styles.findingTitle}>
            <span className={styles.findingKind}>Red flag</span> {f.label}
            {f.provisional ? (
              <span className={styles.findingProvisional}>reported, not yet submitted</span>
            ) : null}
          </p>
          <p>{f.reasonForStaff}</p>
          <p className={styles.findingTold}>The client was told: {f.adviceForClient}</p>
        </div>
      ))}
      {holds.map((f) => (
        <div
          key={f.id}
          className={cx(styles.finding, styles.findingHold, f.clearance && styles.isCleared)}
          data-testid="finding-hold"
        >
          <p className={styles.findingTitle}>
            <span className={styles.findingKind}>{f.clearance ? "Hold cleared" : "On hold"}</span> {f.label}
            {f.provisional ? (
              <span className={styles.findingProvisional}>reported, not yet submitted</span>
            ) : null}
          </p>
          <p>{f.reasonForStaff}</p>
          {f.clearance ? (
            <ClearanceLine clearance={f.clearance} />
          ) : (
            <ClearanceForm clientId={clientId} findingId={f.id} label={f.label} timeZone={timeZone} />
          )}
        </div>
      ))}
      {cautions.map((f) => (
        <div key={f.id} className={cx(styles.finding, styles.findingCaution)}>
          <p className={styles.findingTitle}>
            <span className={styles.findingKind}>Caution</span> {f.label}
            {f.provisional ? (
              <span className={styles.findingProvisional}>reported, not yet submitted</span>
            ) : null}
          </p>
          <p>{f.reasonForStaff}</p>
        </div>
      ))}
    </section>
  );
}

function ClearanceLine({ clearance }: { clearance: ClearanceRecord }) {
  return (
    <p className={styles.findingCleared}>
      Cleared by <strong>{clearance.clearedBy}</strong> on {formatDate(`${clearance.clearedOn}T12:00:00Z`)}:{" "}
      {clearance.note}{" "}
      <span className="kw-muted">
        (recorded by {clearance.recordedBy?.name ?? "staff"}, {formatDateTime(clearance.recordedAt)})
      </span>
    </p>
  );
}
