/**
 * What screening tells the client (F5), in three voices: a red flag stops everything with advice to
 * get care now (short, direct, impossible to miss); a hold says "talk to your doctor first" and what
 * happens next; a caution thanks them and says what the therapist will change. The pain finder's stop
 * screen and the intake's next steps are built from the same panel, so all advice looks alike.
 */
import { type ButtonHTMLAttributes, type HTMLAttributes, type ReactNode, useEffect, useRef } from "react";
import { cx } from "../ui/cx";
import styles from "./ScreeningAdvice.module.css";

interface Finding {
  readonly id: string;
  readonly label: string;
  readonly adviceForClient: string;
}

function AlertIcon() {
  return (
    <svg className={styles.adviceIcon} viewBox="0 0 24 24" aria-hidden="true">
      <path
        d="M12 2 1 21h22L12 2Zm0 6v6m0 3v.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

const TONE_CLASS = {
  stop: styles.adviceStop,
  hold: styles.adviceHold,
  caution: styles.adviceCaution,
  cleared: styles.adviceCleared,
  next: styles.adviceNext,
} as const;

/** The panel every piece of advice sits in: a coloured edge by tone, the warning sign for stop and hold. */
export function AdvicePanel({
  tone,
  className,
  children,
  ...section
}: HTMLAttributes<HTMLElement> & { tone: keyof typeof TONE_CLASS }) {
  return (
    <section className={cx(styles.advice, TONE_CLASS[tone], className)} {...section}>
      {tone === "stop" || tone === "hold" ? <AlertIcon /> : null}
      <div className={styles.adviceBody}>{children}</div>
    </section>
  );
}

/** The one sentence that matters most, large. */
export function AdviceLead({ children }: { children: ReactNode }) {
  return <p className={styles.adviceLead}>{children}</p>;
}

/** What the person answered that led here, small. */
export function AdviceReason({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p className={styles.adviceReason}>
      <span>{label}</span> {children}
    </p>
  );
}

/** A quiet link-like button for "I answered yes by mistake". */
export function AdviceUndo(props: ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="button" className={styles.adviceUndo} {...props} />;
}

export function StopAdvice({
  redFlags,
  emergency,
  headingLevel = 2,
  focus = false,
  children,
}: {
  redFlags: readonly Finding[];
  emergency: boolean;
  headingLevel?: 1 | 2;
  /** Move focus to the heading when shown (a screen that replaces the form). */
  focus?: boolean;
  children?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const first = redFlags[0];
  return (
    <AdvicePanel tone="stop" role="alert">
      <Heading ref={heading} tabIndex={-1}>
        {emergency ? "Get medical help now" : "Please see a doctor first"}
      </Heading>
      {first ? <AdviceLead>{first.adviceForClient}</AdviceLead> : null}
      <p>Trigger point massage is not right for this. Please don't wait for your appointment.</p>
      <AdviceReason label="You told us about:">{redFlags.map((f) => f.label).join("; ")}</AdviceReason>
      {children}
    </AdvicePanel>
  );
}

export function HoldAdvice({
  holds,
  headingLevel = 2,
}: {
  holds: readonly (Finding & { cleared?: boolean })[];
  headingLevel?: 2 | 3;
}) {
  const open = holds.filter((h) => !h.cleared);
  const cleared = holds.filter((h) => h.cleared);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (open.length === 0) {
    return cleared.length > 0 ? (
      <AdvicePanel tone="cleared">
        <Heading>Your doctor's okay is on file</Heading>
        <p>
          We have noted that your doctor cleared you for trigger point massage (
          {cleared.map((h) => h.label.toLowerCase()).join("; ")}). Your therapist will still take care around
          it.
        </p>
      </AdvicePanel>
    ) : null;
  }
  return (
    <AdvicePanel tone="hold">
      <Heading>Talk to your doctor before trigger point massage</Heading>
      <ul className={styles.adviceList}>
        {open.map((h) => (
          <li key={h.id}>
            <strong>{h.label}.</strong> {h.adviceForClient.replace(/ Please talk to .*$/, "")}
          </li>
        ))}
      </ul>
      <p className={styles.adviceNextTitle}>What happens next</p>
      <ol className={styles.adviceSteps}>
        <li>Ask your doctor whether trigger point massage is safe for you now.</li>
        <li>When they say it is, tell the clinic (call, e-mail, or bring a note to your visit).</li>
        <li>We note who cleared you and when, and then confirm your visit. Until then it stays on hold.</li>
      </ol>
    </AdvicePanel>
  );
}

export function CautionAdvice({
  cautions,
  headingLevel = 2,
}: {
  cautions: readonly Finding[];
  headingLevel?: 2 | 3;
}) {
  if (cautions.length === 0) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <AdvicePanel tone="caution">
      <Heading>Your therapist will adapt the treatment</Heading>
      <ul className={styles.adviceList}>
        {cautions.map((c) => (
          <li key={c.id}>{c.adviceForClient}</li>
        ))}
      </ul>
    </AdvicePanel>
  );
}
