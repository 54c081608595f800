import { useEffect, useRef } from "react";
import type { RedFlagQuestion } from "../../core/screening/red-flag-questions";
import { AdviceLead, AdvicePanel, AdviceReason, AdviceUndo } from "../intake/ScreeningAdvice";
import styles from "./Finder.module.css";

interface StopPanelProps {
  readonly stoppedBy: RedFlagQuestion;
  readonly onUndo: () => void;
}

/**
 * What a red-flag "yes" shows instead of the finder: short, direct, impossible to miss. No map, no
 * muscles: this pain needs a doctor (or an emergency number) before anyone looks for knots.
 */
export function StopPanel({ stoppedBy, onUndo }: StopPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const emergency = stoppedBy.urgency === "emergency";
  return (
    <AdvicePanel tone="stop" role="alert" aria-labelledby="kw-stop-title" className={styles.stopPanel}>
      <h2 id="kw-stop-title" ref={heading} tabIndex={-1}>
        {emergency ? "Get medical help now" : "See a doctor first"}
      </h2>
      <AdviceLead>{stoppedBy.advice}</AdviceLead>
      <p>
        The pain finder and self-massage are not right for this. A doctor needs to check it before any trigger
        point treatment.
      </p>
      <AdviceReason label="You answered yes to:">{stoppedBy.question}</AdviceReason>
      <AdviceUndo onClick={onUndo}>I answered yes by mistake</AdviceUndo>
    </AdvicePanel>
  );
}
