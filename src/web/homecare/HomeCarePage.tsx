/**
 * The client's home-care plan (F7, F9), once the therapist has shared it: self-treatment per
 * muscle with a hold timer, stretches, everyday items, and the PDF handout to print or keep (its
 * link is in the heading, which plans/CarePages.tsx paints before this content).
 */
import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../api/client";
import { Alert, Card, Empty, Loading } from "../ui/components";
import { myHomeCareQuery } from "./api";
import styles from "./HomeCare.module.css";
import { HomeCareItems } from "./HomeCareItems";

export default function HomeCarePage() {
  const mine = useQuery(myHomeCareQuery);
  const plan = mine.data?.plan ?? null;
  return (
    <div className={styles.page}>
      {mine.isPending ? (
        <Loading />
      ) : mine.error ? (
        <Alert tone="danger">
          {mine.error instanceof ApiError ? mine.error.message : "Could not load your home care."}
        </Alert>
      ) : !plan ? (
        <Card>
          <Empty>
            Your therapist has not shared a home-care plan yet. It usually comes after your first session.
          </Empty>
        </Card>
      ) : (
        <>
          {plan.sharedAt ? (
            <p className="kw-muted">
              From your therapist,{" "}
              {new Date(plan.sharedAt).toLocaleDateString("en-US", { dateStyle: "medium" })}.
            </p>
          ) : null}
          <HomeCareItems items={plan.items} />
          {plan.generalCautions.length > 0 ? (
            <Card title="For every self-treatment">
              <ul className={styles.cautions}>
                {plan.generalCautions.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </Card>
          ) : null}
        </>
      )}
    </div>
  );
}
