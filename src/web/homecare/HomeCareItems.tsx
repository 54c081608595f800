/**
 * A home-care plan's items as the client reads them (and the therapist previews them): for each
 * muscle the tool, where and how, how long and how often, its stretch and cautions, and a hold
 * timer (the atlas's own, so the portal and the atlas time a hold the same way); then posture,
 * water, activity and stress.
 */
import { useState } from "react";
import { HoldTimer } from "../atlas/HoldTimer";
import { TOOL_LABELS } from "../atlas/labels";
import { Button } from "../ui/components";
import type { HomeCareItemBody } from "./api";
import styles from "./HomeCare.module.css";

export const KIND_WORDS: Record<HomeCareItemBody["kind"], string> = {
  "self-treatment": "Self-treatment",
  posture: "Posture",
  hydration: "Water",
  activity: "Activity",
  stress: "Stress",
  other: "Other",
};

export function HomeCareItems({
  items,
  timers = true,
}: {
  items: readonly HomeCareItemBody[];
  timers?: boolean;
}) {
  const [timing, setTiming] = useState<string | null>(null);
  const selfTreatment = items.filter((i) => i.kind === "self-treatment");
  const general = items.filter((i) => i.kind !== "self-treatment");
  return (
    <div className={styles.items}>
      {selfTreatment.length > 0 ? (
        <section aria-labelledby="homecare-self">
          <h2 id="homecare-self" className={styles.groupTitle}>
            Self-treatment
          </h2>
          <ul className={styles.list}>
            {selfTreatment.map((item) => (
              <li key={item.id} className={styles.item}>
                <h3 className={styles.itemTitle}>{item.title}</h3>
                <dl className={styles.facts}>
                  {item.tool ? (
                    <div className={styles.fact}>
                      <dt>With</dt>
                      <dd>{TOOL_LABELS[item.tool]}</dd>
                    </div>
                  ) : null}
                  {item.holdSeconds ? (
                    <div className={styles.fact}>
                      <dt>Hold</dt>
                      <dd>
                        {item.holdSeconds[0]}–{item.holdSeconds[1]} seconds
                      </dd>
                    </div>
                  ) : null}
                  {item.frequency ? (
                    <div className={styles.fact}>
                      <dt>How often</dt>
                      <dd>{item.frequency}</dd>
                    </div>
                  ) : null}
                </dl>
                <p className={styles.how}>{item.how}</p>
                {item.stretch ? (
                  <p className={styles.stretch}>
                    <strong>Then stretch: </strong>
                    {item.stretch}
                  </p>
                ) : null}
                {item.cautions.length > 0 ? (
                  <ul className={styles.cautions} aria-label={`Cautions: ${item.title}`}>
                    {item.cautions.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                ) : null}
                {timers && item.holdSeconds ? (
                  timing === item.id ? (
                    <div className={styles.timer}>
                      <HoldTimer range={item.holdSeconds} />
                      <Button variant="ghost" onClick={() => setTiming(null)}>
                        Close the timer
                      </Button>
                    </div>
                  ) : (
                    <Button
                      variant="secondary"
                      onClick={() => setTiming(item.id)}
                      aria-label={`Hold timer: ${item.title}`}
                    >
                      Hold timer
                    </Button>
                  )
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {general.length > 0 ? (
        <section aria-labelledby="homecare-general">
          <h2 id="homecare-general" className={styles.groupTitle}>
            Every day
          </h2>
          <ul className={styles.list}>
            {general.map((item) => (
              <li key={item.id} className={styles.item}>
                <p className={styles.kind}>{KIND_WORDS[item.kind]}</p>
                <h3 className={styles.itemTitle}>{item.title}</h3>
                <p className={styles.how}>{item.how}</p>
                {item.frequency ? <p className="kw-muted">{item.frequency}</p> : null}
                {item.cautions.length > 0 ? (
                  <ul className={styles.cautions}>
                    {item.cautions.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
