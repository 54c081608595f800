import { useEffect, useRef } from "react";
import type { RedFlagQuestion } from "../../core/screening/red-flag-questions";

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
    <section
      className={`kw-stop${emergency ? " kw-stop--emergency" : ""}`}
      role="alert"
      aria-labelledby="kw-stop-title"
    >
      <svg className="kw-stop__icon" viewBox="0 0 24 24" aria-hidden="true">
        <path
          d="M12 2 1 21h22L12 2Zm0 6v6m0 3v.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <div className="kw-stop__body">
        <h2 id="kw-stop-title" ref={heading} tabIndex={-1}>
          {emergency ? "Get medical help now" : "See a doctor first"}
        </h2>
        <p className="kw-stop__advice">{stoppedBy.advice}</p>
        <p>
          The pain finder and self-massage are not right for this. A doctor needs to check it before any
          trigger point treatment.
        </p>
        <p className="kw-stop__reason">
          <span>You answered yes to:</span> {stoppedBy.question}
        </p>
        <button type="button" className="kw-stop__undo" onClick={onUndo}>
          I answered yes by mistake
        </button>
      </div>
    </section>
  );
}
