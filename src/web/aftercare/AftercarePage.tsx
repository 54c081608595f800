/**
 * Aftercare in the portal (F7): after each completed session, what to expect, water, rest and when
 * to call; from the next day, "How sore are you today?" (0–10, anything unusual, a note). Answers
 * outside the expected are flagged to the therapist by the server; the client reads its reply. The
 * content under the heading and care navigation that plans/CarePages.tsx paints first.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { CHECK_IN_FLAG_WORDS, CHECK_IN_SYMPTOMS } from "../../core/aftercare/aftercare";
import { ApiError } from "../api/client";
import { type AftercareVisit, myAftercareQuery, planKeys, sendCheckIn } from "../plans/api";
import { Alert, Card, Empty, Loading } from "../ui/components";
import { formatDateTime } from "../ui/time";
import styles from "./Aftercare.module.css";

const SORENESS = Array.from({ length: 11 }, (_, i) => i);

export default function AftercarePage() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const aftercare = useQuery(myAftercareQuery);
  return (
    <div className={styles.page}>
      {aftercare.isPending ? (
        <Loading />
      ) : aftercare.error ? (
        <Alert tone="danger">
          {aftercare.error instanceof ApiError ? aftercare.error.message : "Could not load your aftercare."}
        </Alert>
      ) : aftercare.data.visits.length === 0 ? (
        <Card>
          <Empty>Aftercare appears here after your first session.</Empty>
        </Card>
      ) : (
        aftercare.data.visits.map((visit, index) => (
          <VisitAftercare key={visit.appointmentId} visit={visit} zone={zone} open={index === 0} />
        ))
      )}
    </div>
  );
}

function VisitAftercare({ visit, zone, open }: { visit: AftercareVisit; zone: string; open: boolean }) {
  return (
    <Card title={`After your session on ${formatDateTime(visit.startsAt, zone)}`}>
      <p className="kw-muted">With {visit.therapistName}</p>
      {visit.checkInDue ? <CheckInForm visit={visit} /> : null}
      {visit.checkIn ? (
        <div className={styles.answered}>
          <p className={styles.answeredTitle}>
            Your check-in: soreness {visit.checkIn.soreness}/10
            {visit.checkIn.symptoms.length > 0
              ? `, ${visit.checkIn.symptoms.map((s) => CHECK_IN_FLAG_WORDS[s].toLowerCase()).join(", ")}`
              : ""}
          </p>
          <p>{visit.checkIn.reply}</p>
        </div>
      ) : null}
      <details className={styles.advice} open={open}>
        <summary>What to expect and what helps</summary>
        {visit.aftercare.map((section) => (
          <section key={section.id} className={styles.section}>
            <h3 className={styles.sectionTitle}>{section.title}</h3>
            <ul>
              {section.points.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ul>
          </section>
        ))}
      </details>
    </Card>
  );
}

function CheckInForm({ visit }: { visit: AftercareVisit }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [soreness, setSoreness] = useState<number | null>(null);
  const [symptoms, setSymptoms] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () =>
      sendCheckIn({
        appointmentId: visit.appointmentId,
        soreness: soreness ?? 0,
        symptoms,
        note: note.trim(),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: planKeys.aftercare }),
    onError: (error) =>
      setProblem(error instanceof ApiError ? error.message : "That didn't send. Please try again."),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (soreness === null) {
      setProblem("Choose how sore you are, 0 to 10.");
      return;
    }
    setProblem(null);
    send.mutate();
  };
  return (
    <form className={styles.checkIn} onSubmit={submit} noValidate>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>How sore are you today?</legend>
        <p className={styles.hint}>0 is not at all, 10 the worst you can imagine.</p>
        <div className={styles.scale}>
          {SORENESS.map((value) => (
            <label key={value} className={styles.level}>
              <input
                type="radio"
                name={`${id}-soreness`}
                value={value}
                checked={soreness === value}
                onChange={() => setSoreness(value)}
              />
              <span
                className={styles.levelBox}
                style={{
                  borderBottomColor: value === 0 ? "var(--kw-color-border)" : `var(--kw-pain-${value})`,
                }}
              >
                {value}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Anything else? (optional)</legend>
        {CHECK_IN_SYMPTOMS.map((symptom) => (
          <label key={symptom} className={styles.symptom}>
            <input
              type="checkbox"
              checked={symptoms.includes(symptom)}
              onChange={(event) =>
                setSymptoms((list) =>
                  event.target.checked ? [...list, symptom] : list.filter((s) => s !== symptom),
                )
              }
            />
            {CHECK_IN_FLAG_WORDS[symptom]}
          </label>
        ))}
      </fieldset>
      <div className="kw-field">
        <label htmlFor={`${id}-note`}>A note for your therapist (optional)</label>
        <textarea
          id={`${id}-note`}
          className="kw-input kw-textarea kw-textarea--short"
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      {problem ? <Alert tone="danger">{problem}</Alert> : null}
      <button type="submit" className="kw-button kw-button--primary" disabled={send.isPending}>
        {send.isPending ? "Sending…" : "Send"}
      </button>
    </form>
  );
}
