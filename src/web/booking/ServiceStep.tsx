import type { PublicClinic } from "../clinic/api";
import { Alert } from "../ui/components";
import styles from "./BookingPage.module.css";
import { formatPrice, type Service } from "./format";
import { RegionsNote } from "./RegionsNote";
import type { MarkedRegion } from "./regions";
import { StepHeader } from "./StepHeader";
import { serviceModeText } from "./wording";

/** Step 1: the services bookable online, each with what booking it means. */
export function ServiceStep({
  clinic,
  regions,
  onChoose,
}: {
  clinic: PublicClinic;
  regions: MarkedRegion[];
  onChoose(service: Service): void;
}) {
  return (
    <>
      <StepHeader step="service" title="What would you like to book?" />
      <p className="kw-muted">{clinic.name}</p>
      <RegionsNote regions={regions} />
      <ul className={styles.bookChoices}>
        {clinic.services.map((s) => {
          const price = formatPrice(s);
          return (
            <li key={s.id}>
              <button type="button" className={styles.bookChoice} onClick={() => onChoose(s)}>
                <span className={styles.bookChoiceTitle}>{s.name}</span>
                <span className={styles.bookChoiceMeta}>
                  {s.durationMin} min{price ? ` · ${price}` : ""}
                  {s.kind === "consultation" ? " · for new clients" : ""}
                </span>
                {s.description ? <span className={styles.bookChoiceText}>{s.description}</span> : null}
                <span className={styles.bookChoiceMode}>{serviceModeText(s)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {clinic.services.length === 0 ? (
        <Alert tone="info">This clinic does not take online bookings yet. Please call {clinic.phone}.</Alert>
      ) : null}
    </>
  );
}
