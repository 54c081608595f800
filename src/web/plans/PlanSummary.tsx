/**
 * A plan at a glance, for the client and the therapist alike: sessions planned against done
 * (a bar, and the words), the interval, maintenance, goals in the client's words, and the visits.
 */
import { StatusBadge } from "../ui/components";
import type { ClientPlan } from "./api";
import styles from "./Plans.module.css";

const STATUS_WORDS: Record<ClientPlan["status"], string> = {
  active: "In progress",
  maintenance: "Maintenance",
  finished: "Finished",
  cancelled: "Stopped",
};

/** "3 of 6 sessions done, 2 booked": the tally in words. */
export function tallyWords(progress: ClientPlan["progress"]): string {
  const parts = [`${progress.completed} of ${progress.planned} sessions done`];
  if (progress.upcoming > 0) parts.push(`${progress.upcoming} booked`);
  if (progress.remaining > 0) parts.push(`${progress.remaining} still to book`);
  const missed = [
    progress.cancelled > 0 ? `${progress.cancelled} cancelled` : null,
    progress.noShow > 0 ? `${progress.noShow} missed` : null,
  ].filter(Boolean);
  return `${parts.join(", ")}${missed.length > 0 ? ` (${missed.join(", ")})` : ""}.`;
}

export function intervalWords(days: number): string {
  if (days % 7 === 0) return days === 7 ? "once a week" : `every ${days / 7} weeks`;
  return `every ${days} days`;
}

export function PlanSummary({ plan, zone }: { plan: ClientPlan; zone: string }) {
  const p = plan.progress;
  const done = Math.min(p.planned, p.completed);
  const booked = Math.min(p.planned - done, p.upcoming);
  return (
    <div className={styles.plan}>
      <p className={styles.planStatus}>
        <span className={`kw-badge ${styles.planBadge}`}>{STATUS_WORDS[plan.status]}</span>
        {plan.therapist ? <span>With {plan.therapist.name}</span> : null}
      </p>
      <div>
        <p className={styles.planTally}>{tallyWords(p)}</p>
        <div className={styles.planBar} aria-hidden="true">
          {Array.from({ length: p.planned }, (_, i) => (
            <span
              // biome-ignore lint/suspicious/noArrayIndexKey: the steps are positions, nothing else
              key={i}
              className={
                i < done ? styles.planStepDone : i < done + booked ? styles.planStepBooked : styles.planStep
              }
            />
          ))}
        </div>
      </div>
      <dl className="kw-dl">
        <dt>How often</dt>
        <dd>Sessions {intervalWords(plan.sessionIntervalDays)}</dd>
        {plan.maintenanceIntervalWeeks ? (
          <>
            <dt>Afterwards</dt>
            <dd>
              A maintenance visit every {plan.maintenanceIntervalWeeks} weeks
              {plan.nextMaintenanceOn ? ` (next around ${plan.nextMaintenanceOn})` : ""}
            </dd>
          </>
        ) : null}
        {plan.service ? (
          <>
            <dt>Session</dt>
            <dd>{plan.service.name}</dd>
          </>
        ) : null}
        {p.baselinePain !== null && p.latestPain !== null ? (
          <>
            <dt>Pain</dt>
            <dd>
              From {p.baselinePain}/10 to {p.latestPain}/10
              {p.improvement !== null && p.improvement > 0
                ? ` (${Math.round(p.improvement * 100)} % better)`
                : ""}
            </dd>
          </>
        ) : null}
      </dl>
      {plan.goals ? (
        <div>
          <h3 className={styles.planSubtitle}>Goals</h3>
          <p className={styles.planGoals}>{plan.goals}</p>
        </div>
      ) : null}
      {plan.visits.length > 0 ? (
        <div>
          <h3 className={styles.planSubtitle}>Visits in this plan</h3>
          <ul className={styles.planVisits}>
            {plan.visits.map((v) => (
              <li key={v.appointmentId}>
                <span>
                  {new Intl.DateTimeFormat("en-US", {
                    weekday: "short",
                    month: "short",
                    day: "numeric",
                    hour: "numeric",
                    minute: "2-digit",
                    timeZone: zone,
                  }).format(new Date(v.startsAt))}
                </span>
                <StatusBadge status={v.status} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
