import type { StaffIntake } from "../../core/api/intake";
import { Card } from "../ui/components";
import { cx } from "../ui/cx";
import styles from "./StaffIntake.module.css";
import { formatDateTime } from "./staff-format";

export function FirstVisitPanel({ data }: { data: StaffIntake }) {
  const { consent, firstVisit } = data;
  return (
    <Card title="Ready for a first visit?">
      {firstVisit.ok ? (
        <p className={cx(styles.ready, styles.readyOk)}>
          Yes: intake submitted, consent signed, nothing on hold.
        </p>
      ) : (
        <>
          <p className={styles.ready}>Not yet. Before a first visit can be confirmed:</p>
          <ul className={styles.readyReasons}>
            {firstVisit.reasons.map((r) => (
              <li key={`${r.code}:${r.findingId ?? ""}`}>{r.message}</li>
            ))}
          </ul>
        </>
      )}
      <p className={cx(styles.readyConsent, "kw-muted")}>
        Consent:{" "}
        {consent.signedCurrent && consent.signedAt
          ? `signed as “${consent.typedName}” on ${formatDateTime(consent.signedAt)} (version ${consent.signedVersion}).`
          : consent.signedVersion
            ? `signed version ${consent.signedVersion}; version ${consent.currentVersion} is not signed yet.`
            : "not signed yet."}
      </p>
    </Card>
  );
}
