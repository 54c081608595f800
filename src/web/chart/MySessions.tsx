import { useQuery } from "@tanstack/react-query";
import { Card } from "../ui/components";
import { formatDayShort } from "../ui/time";
import { mySessionsQuery } from "./api";
import styles from "./MySessions.module.css";

/**
 * The client's own sessions in plain words (docs/product.md F6, F9): which muscles were treated and
 * what to do next. The full record is in their data download. Light on purpose: it sits on the
 * portal's home page.
 */
export function MySessions({ zone }: { zone: string }) {
  const sessions = useQuery(mySessionsQuery);
  const list = sessions.data?.sessions ?? [];
  if (sessions.isPending || sessions.error || list.length === 0) return null;
  return (
    <Card title="Your sessions">
      <ol className={styles.list}>
        {list.slice(0, 5).map((s) => (
          <li key={s.id} className={styles.item}>
            <h3 className={styles.title}>
              {formatDayShort(s.date, zone)} with {s.therapist}
            </h3>
            {s.painBefore !== null && s.painAfter !== null ? (
              <p>
                Your pain: {s.painBefore} out of 10 before, {s.painAfter} after.
              </p>
            ) : null}
            {s.musclesTreated.length ? (
              <p>
                Muscles treated:{" "}
                {s.musclesTreated
                  .map((m) => `${m.name}${m.sides.length ? ` (${m.sides.join(" and ")})` : ""}`)
                  .join(", ")}
                .
              </p>
            ) : null}
            {s.nextSteps.length ? (
              <>
                <p className={styles.next}>What to do next</p>
                <ul className={styles.steps}>
                  {s.nextSteps.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
