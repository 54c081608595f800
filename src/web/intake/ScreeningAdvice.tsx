/**
 * What screening tells the client (F5), in three voices: a red flag stops everything with advice to
 * get care now (short, direct, impossible to miss); a hold says "talk to your doctor first" and what
 * happens next; a caution thanks them and says what the therapist will change.
 */
import { type ReactNode, useEffect, useRef } from "react";
import "./advice.css";

interface Finding {
  readonly id: string;
  readonly label: string;
  readonly adviceForClient: string;
}

function AlertIcon() {
  return (
    <svg className="kw-advice__icon" viewBox="0 0 24 24" aria-hidden="true">
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
    <section className={`kw-advice kw-advice--stop${emergency ? " is-emergency" : ""}`} role="alert">
      <AlertIcon />
      <div className="kw-advice__body">
        <Heading ref={heading} tabIndex={-1}>
          {emergency ? "Get medical help now" : "Please see a doctor first"}
        </Heading>
        {first ? <p className="kw-advice__lead">{first.adviceForClient}</p> : null}
        <p>Trigger point massage is not right for this. Please don't wait for your appointment.</p>
        <p className="kw-advice__reason">
          <span>You told us about:</span> {redFlags.map((f) => f.label).join("; ")}
        </p>
        {children}
      </div>
    </section>
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
      <section className="kw-advice kw-advice--cleared">
        <div className="kw-advice__body">
          <Heading>Your doctor's okay is on file</Heading>
          <p>
            We have noted that your doctor cleared you for trigger point massage (
            {cleared.map((h) => h.label.toLowerCase()).join("; ")}). Your therapist will still take care
            around it.
          </p>
        </div>
      </section>
    ) : null;
  }
  return (
    <section className="kw-advice kw-advice--hold">
      <AlertIcon />
      <div className="kw-advice__body">
        <Heading>Talk to your doctor before trigger point massage</Heading>
        <ul className="kw-advice__list">
          {open.map((h) => (
            <li key={h.id}>
              <strong>{h.label}.</strong> {h.adviceForClient.replace(/ Please talk to .*$/, "")}
            </li>
          ))}
        </ul>
        <p className="kw-advice__next-title">What happens next</p>
        <ol className="kw-advice__steps">
          <li>Ask your doctor whether trigger point massage is safe for you now.</li>
          <li>When they say it is, tell the clinic (call, e-mail, or bring a note to your visit).</li>
          <li>We note who cleared you and when, and then confirm your visit. Until then it stays on hold.</li>
        </ol>
      </div>
    </section>
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
    <section className="kw-advice kw-advice--caution">
      <div className="kw-advice__body">
        <Heading>Your therapist will adapt the treatment</Heading>
        <ul className="kw-advice__list">
          {cautions.map((c) => (
            <li key={c.id}>{c.adviceForClient}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
