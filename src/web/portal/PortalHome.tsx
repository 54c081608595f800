/**
 * The client portal's home (F9): what to do before the first visit (questionnaire, consent, a doctor's
 * okay), upcoming and past appointments (change or cancel within the clinic's policy), and a download
 * of all one's own data. Times are in the client's own zone, labelled as such.
 */
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import type { AuthContext } from "../../core/api/auth";
import type { MyConsent, MyIntake } from "../../core/api/intake";
import { portalRanges } from "../app/ranges";
import { MySessions } from "../chart/MySessions";
import { publicClinicQuery } from "../clinic/api";
import { myConsentQuery } from "../consent/api";
import { ErasureCard } from "../erasure/ErasureCard";
import { myIntakeQuery } from "../intake/api";
import { HoldAdvice, StopAdvice } from "../intake/ScreeningAdvice";
import { ContactPreferencesForm } from "../messages/ClientMessages";
import { CareCard } from "../plans/CareCard";
import { ButtonLink, Card, Loading } from "../ui/components";
import { cx } from "../ui/cx";
import { myAppointmentsQuery } from "./api";
import { groupPortalAppointments } from "./grouping";
import styles from "./Portal.module.css";
import { PortalAppointments, type PortalPolicy } from "./PortalAppointments";
import { regionsSearchOf } from "./PortalHeader";

type StepState = "todo" | "doing" | "done" | "blocked";

const STEP_CLASS: Record<StepState, string | undefined> = {
  todo: styles.isTodo,
  doing: styles.isDoing,
  done: styles.isDone,
  blocked: styles.isBlocked,
};

function Step({
  state,
  title,
  children,
  action,
}: {
  state: StepState;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  const label = { todo: "To do", doing: "In progress", done: "Done", blocked: "Waiting" }[state];
  return (
    <li className={cx(styles.portalStep, STEP_CLASS[state])}>
      <span className={styles.portalStepMark} aria-hidden="true">
        {state === "done" ? (
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path
              d="M3 8.5l3 3 7-7"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.2"
              strokeLinecap="round"
            />
          </svg>
        ) : null}
      </span>
      <div>
        <p className={styles.portalStepTitle}>
          {title} <span className={cx("kw-badge", styles.portalStepState, STEP_CLASS[state])}>{label}</span>
        </p>
        <div className={styles.portalStepText}>{children}</div>
        {action ? <div className={styles.portalStepAction}>{action}</div> : null}
      </div>
    </li>
  );
}

function intakeStep(intake: MyIntake | undefined, regionsSearch: string) {
  const link = (label: string, variant: "primary" | "secondary" = "primary") => (
    <ButtonLink variant={variant} to={`/app/intake${regionsSearch}`}>
      {label}
    </ButtonLink>
  );
  if (!intake || intake.status === "not-started") {
    return (
      <Step state="todo" title="Health questionnaire" action={link("Start the questionnaire")}>
        About ten minutes, on your phone. Saved as you go.
      </Step>
    );
  }
  if (intake.status === "draft") {
    const left = intake.missing.length;
    return (
      <Step state="doing" title="Health questionnaire" action={link("Continue")}>
        {left === 0
          ? "All answered: check and send it."
          : `${left} ${left === 1 ? "answer" : "answers"} to go.`}
      </Step>
    );
  }
  const screening = intake.submitted?.screening;
  if (screening?.outcome === "hold") {
    return (
      <Step state="blocked" title="Health questionnaire" action={link("What to do next", "secondary")}>
        Sent. Please talk to your doctor before trigger point massage; we confirm your visit once they say
        it's fine.
      </Step>
    );
  }
  return (
    <Step
      state="done"
      title="Health questionnaire"
      action={link(intake.status === "changed" ? "Send my changes" : "View or change", "secondary")}
    >
      {intake.status === "changed"
        ? "You have changes you haven't sent yet."
        : `Sent ${new Date(intake.submitted?.submittedAt ?? "").toLocaleDateString("en-US", { dateStyle: "medium" })}.`}
    </Step>
  );
}

function consentStep(consent: MyConsent | undefined) {
  if (!consent) return null;
  const { status } = consent;
  if (status.signedCurrent) {
    return (
      <Step
        state="done"
        title="Consent form"
        action={
          <ButtonLink variant="secondary" to="/app/consent">
            View
          </ButtonLink>
        }
      >
        Signed {new Date(status.signedAt ?? "").toLocaleDateString("en-US", { dateStyle: "medium" })} (version{" "}
        {status.signedVersion}).
      </Step>
    );
  }
  return (
    <Step state="todo" title="Consent form" action={<ButtonLink to="/app/consent">Read and sign</ButtonLink>}>
      {status.signedVersion !== null
        ? "The clinic has updated its consent form. Please read it and sign again."
        : "How the treatment works and what to expect. Sign by typing your name."}
    </Step>
  );
}

/**
 * Everything under the portal's header (PortalHeader.tsx), which paints first: this part is a chunk
 * of its own, loaded while its data loads (home/ClientHome.tsx).
 */
export default function PortalHome({ context }: { context: AuthContext }) {
  const [params] = useSearchParams();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const ranges = useMemo(() => portalRanges(), []);
  const appointments = useQuery(myAppointmentsQuery(ranges.ahead));
  const history = useQuery(myAppointmentsQuery(ranges.history));
  const intake = useQuery(myIntakeQuery);
  const consent = useQuery(myConsentQuery);
  const clinic = useQuery(publicClinicQuery(context.clinicSlug));
  if (appointments.isPending || intake.isPending || consent.isPending) return <Loading />;

  const regionsSearch = regionsSearchOf(params);
  const seen = new Set<string>();
  const all = [...(history.data ?? []), ...(appointments.data ?? [])].filter(
    (a) => !seen.has(a.id) && seen.add(a.id),
  );
  const { upcoming, cancelled, past } = groupPortalAppointments(all);
  const hadVisit = all.some((a) => a.status === "completed");
  const screening = intake.data?.submitted?.screening;
  const policy: PortalPolicy | null = clinic.data
    ? {
        cancellationWindowHours: clinic.data.policies.cancellationWindowHours,
        horizonDays: clinic.data.policies.horizonDays,
        phone: clinic.data.phone,
      }
    : null;

  return (
    <>
      {screening?.outcome === "stop" ? (
        <StopAdvice redFlags={screening.redFlags} emergency={screening.emergency} />
      ) : screening && screening.holds.length > 0 ? (
        <HoldAdvice holds={screening.holds} />
      ) : null}
      <div className={styles.portal}>
        <Card title={hadVisit ? "Your forms" : "Before your first visit"}>
          <ol className={styles.portalSteps}>
            {intakeStep(intake.data, regionsSearch)}
            {consentStep(consent.data)}
          </ol>
        </Card>
        <CareCard />
        <Card title="Upcoming appointments" flush>
          <PortalAppointments
            appointments={upcoming}
            zone={zone}
            slug={context.clinicSlug}
            policy={policy}
            actions
            empty="You have no upcoming appointments."
          />
        </Card>
        {cancelled.length > 0 ? (
          <Card title="Cancelled" flush>
            <PortalAppointments
              appointments={cancelled}
              zone={zone}
              slug={context.clinicSlug}
              policy={policy}
              actions={false}
              empty=""
            />
          </Card>
        ) : null}
        <Card title="Past appointments" flush>
          {history.isPending ? (
            <Loading />
          ) : (
            <PortalAppointments
              appointments={past}
              zone={zone}
              slug={context.clinicSlug}
              policy={policy}
              actions={false}
              empty="No past appointments yet."
            />
          )}
        </Card>
        <MySessions zone={zone} />
        <Card title="Contact preferences">
          <ContactPreferencesForm />
          <p className={cx(styles.portalFine, "kw-muted")}>
            <Link to="/app/messages">Messages we have sent you</Link>
          </p>
        </Card>
        <Card title="Your data">
          <p>
            Everything the clinic keeps about you (your details, appointments, questionnaire answers, signed
            forms and session notes) in one file you can keep or take elsewhere.
          </p>
          <a className="kw-button kw-button--secondary" href="/api/me/export" download>
            Download my data (JSON)
          </a>{" "}
          <a className="kw-button kw-button--secondary" href="/api/me/export?format=fhir" download>
            Download for another provider (FHIR)
          </a>
          <p className={cx(styles.portalFine, "kw-muted")}>
            Questions about your record? <Link to="/app/consent">How we keep it private</Link>.
          </p>
        </Card>
        <ErasureCard />
      </div>
    </>
  );
}
