import { useEffect, useRef } from "react";
import styles from "./BookingPage.module.css";
import { BOOKING_STEPS, type BookingStep, stepLabel } from "./wording";

/** The progress bar, "Step 2 of 3" (counted over the same steps) and the step's heading. */
export function StepHeader({ step, title }: { step: BookingStep; title: string }) {
  const index = BOOKING_STEPS.findIndex((s) => s.id === step);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Moving between steps moves focus to the new step's heading, so a screen reader hears where it is.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <div>
      <ol className={styles.bookProgress} aria-label="Booking steps">
        {BOOKING_STEPS.map((s, i) => (
          <li
            key={s.id}
            aria-current={s.id === step ? "step" : undefined}
            data-done={i < index ? "true" : undefined}
          >
            <span className={styles.bookProgressBar} aria-hidden="true" />
            <span>{s.label}</span>
          </li>
        ))}
      </ol>
      <p className="kw-eyebrow">{stepLabel(step)}</p>
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
    </div>
  );
}
