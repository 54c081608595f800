import { Link } from "react-router";
import { useSession } from "../auth/session";
import styles from "./ChartLink.module.css";

/**
 * One tap from an appointment to its chart, for those who chart (the owner and therapists); the
 * front desk never sees a chart's content, so gets no link. Small on purpose: it sits in lists
 * and dialogs whose chunks must not carry the chart page.
 */
export function ChartLink({ appointmentId }: { appointmentId: string }) {
  const { context } = useSession();
  if (!context || (context.role !== "owner" && context.role !== "therapist")) return null;
  return (
    <Link className={styles.chartLink} to={`/app/chart/${encodeURIComponent(appointmentId)}`}>
      Open chart
    </Link>
  );
}
