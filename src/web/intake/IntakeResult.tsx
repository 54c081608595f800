import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import type { MyIntake } from "../../core/api/intake";
import { myConsentQuery } from "../consent/api";
import { Alert, Button, ButtonLink } from "../ui/components";
import styles from "./Intake.module.css";
import { AdvicePanel, CautionAdvice, HoldAdvice, StopAdvice } from "./ScreeningAdvice";

export function IntakeResult({ intake, onEdit }: { intake: MyIntake; onEdit: () => void }) {
  const consent = useQuery(myConsentQuery);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const submitted = intake.submitted;
  if (!submitted) {
    return (
      <div className={styles.intake}>
        <Alert tone="info">You haven't sent your answers yet.</Alert>
        <Button onClick={onEdit}>Start the questionnaire</Button>
      </div>
    );
  }
  const { screening } = submitted;
  const signed = consent.data?.status.signedCurrent;
  return (
    <div className={styles.intake}>
      {screening.outcome === "stop" ? (
        <StopAdvice redFlags={screening.redFlags} emergency={screening.emergency} headingLevel={1} focus />
      ) : (
        <>
          <p className="kw-eyebrow">Health questionnaire</p>
          <h1 ref={headingRef} tabIndex={-1}>
            {screening.outcome === "hold"
              ? "Thank you. One thing before your visit"
              : "Thank you, that's everything"}
          </h1>
          <p className={styles.intakeLead}>
            Sent{" "}
            {new Date(submitted.submittedAt).toLocaleString("en-US", {
              dateStyle: "medium",
              timeStyle: "short",
            })}
            . Your therapist will read it before your visit.
          </p>
          <HoldAdvice holds={screening.holds} />
          <CautionAdvice cautions={screening.cautions} />
        </>
      )}
      {screening.outcome !== "stop" && signed === false ? (
        <AdvicePanel tone="next">
          <h2>Next: the consent form</h2>
          <p>Please read how the treatment works and sign with your name. It takes two minutes.</p>
          <ButtonLink to="/app/consent">Read and sign</ButtonLink>
        </AdvicePanel>
      ) : null}
      {intake.status === "changed" ? (
        <Alert tone="warning">You have changes you haven't sent yet.</Alert>
      ) : null}
      <div className={styles.intakeNav}>
        <Button variant="secondary" onClick={onEdit}>
          {intake.status === "changed" ? "Continue my changes" : "Change my answers"}
        </Button>
        <Link className="kw-button kw-button--ghost" to="/app">
          Back to my page
        </Link>
      </div>
    </div>
  );
}
