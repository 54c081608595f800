/**
 * Online booking on a phone (DESIGN.md): service → time (in the client's own zone, said so) →
 * details → done. The choices live in the URL, so signing in or creating an account at the details
 * step, a reload or the back button all come back to the chosen slot.
 */
import { type FormEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { z } from "zod";
import type { SessionResponse } from "../../core/api/auth";
import type { PublicClinicSchema } from "../../core/api/clinic";
import type { AvailabilitySlot } from "../../core/scheduling/contract";
import { ApiError, get, post } from "../api/client";
import { type AppointmentDetail, icsUrl, requestOnline } from "../appointments/api";
import { SlotPicker } from "../appointments/SlotPicker";
import {
  addDays,
  browserTimeZone,
  formatClock,
  formatLocalDay,
  localDateOf,
  zoneDisplayName,
} from "../appointments/time";
import { useSession } from "../auth/session";
import { Alert, Button, Card, Loading, StatusBadge, TextField } from "../ui/components";
import { cx } from "../ui/cx";
import styles from "./BookingPage.module.css";
import { composeNote, type MarkedRegion, parseRegions } from "./regions";

type PublicClinic = z.infer<typeof PublicClinicSchema>;
type Service = PublicClinic["services"][number];
type Step = "service" | "time" | "details" | "done";

const STEPS: { id: Exclude<Step, "done">; label: string }[] = [
  { id: "service", label: "Service" },
  { id: "time", label: "Time" },
  { id: "details", label: "Details" },
];

/** The default clinic of an installation (sign-up uses the same). */
const DEFAULT_SLUG = "demo";

function useClinic(slug: string) {
  const [state, setState] = useState<{ clinic: PublicClinic | null; error: string | null }>({
    clinic: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    get<PublicClinic>(`/api/public/clinics/${encodeURIComponent(slug)}`)
      .then((clinic) => live && setState({ clinic, error: null }))
      .catch(
        (error: unknown) =>
          live &&
          setState({
            clinic: null,
            error: error instanceof ApiError ? error.message : "Could not load the clinic.",
          }),
      );
    return () => {
      live = false;
    };
  }, [slug]);
  return state;
}

function ClockIcon() {
  return (
    <svg className={styles.bookIcon} width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 7v5l3 2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

function formatPrice(service: Service): string | null {
  if (service.priceCents === null) return null;
  return new Intl.NumberFormat("en-US", { style: "currency", currency: service.currency }).format(
    service.priceCents / 100,
  );
}

function StepHeader({ step, title }: { step: Exclude<Step, "done">; title: string }) {
  const index = STEPS.findIndex((s) => s.id === step);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Moving between steps moves focus to the new step's heading, so a screen reader hears where it is.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <div>
      <ol className={styles.bookProgress} aria-label="Booking steps">
        {STEPS.map((s, i) => (
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
      <p className="kw-eyebrow">
        Step {index + 1} of {STEPS.length + 1}
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
    </div>
  );
}

export default function BookingPage() {
  const [params, setParams] = useSearchParams();
  const { session, context } = useSession();
  const slug =
    params.get("clinic") ?? (context?.role === "client" ? context.clinicSlug : null) ?? DEFAULT_SLUG;
  const { clinic, error } = useClinic(slug);
  const zone = useMemo(() => browserTimeZone(), []);
  const regions = useMemo(() => parseRegions(params.get("regions")), [params]);
  const [booked, setBooked] = useState<AppointmentDetail | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [taken, setTaken] = useState(false);

  const update = useCallback(
    (changes: Record<string, string | null>, replace = false) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );

  if (error) return <Alert tone="danger">{error}</Alert>;
  if (!clinic) return <Loading />;

  const service = clinic.services.find((s) => s.id === params.get("service")) ?? null;
  const therapistParam = params.get("therapist");
  const therapist = clinic.therapists.find((t) => t.id === therapistParam) ?? null;
  const start = params.get("start");
  const requestedStep = params.get("step") as Step | null;
  const step: Step = booked
    ? "done"
    : !service
      ? "service"
      : !start || requestedStep === "time"
        ? "time"
        : "details";

  const today = localDateOf(Date.now(), zone);
  const lastDay = addDays(today, clinic.policies.horizonDays);

  return (
    <div className={styles.book}>
      {step === "service" ? (
        <ServiceStep
          clinic={clinic}
          regions={regions}
          onChoose={(s) => update({ service: s.id, start: null, step: null })}
        />
      ) : null}
      {step === "time" && service ? (
        <>
          <StepHeader step="time" title="Choose a time" />
          <Summary
            service={service}
            clinic={clinic}
            onChange={() => update({ service: null, start: null })}
          />
          {taken ? (
            <Alert tone="warning">
              That time was just taken by someone else. Here are the times still open.
            </Alert>
          ) : null}
          <TherapistChoice
            clinic={clinic}
            value={therapist?.id ?? null}
            onChange={(id) => update({ therapist: id, start: null }, true)}
          />
          <p className={styles.bookZone} id="zone-note">
            <ClockIcon />
            Times in your time zone, <strong>{zoneDisplayName(zone)}</strong>.
            {zone !== clinic.timeZone ? ` The clinic is in ${zoneDisplayName(clinic.timeZone)}.` : null}
          </p>
          <SlotPicker
            slug={slug}
            serviceId={service.id}
            therapistId={therapist?.id ?? null}
            zone={zone}
            today={today}
            lastDay={lastDay}
            selected={start}
            day={params.get("day")}
            onDayChange={(day) => update({ day }, true)}
            refreshKey={refreshKey}
            onSelect={(slot: AvailabilitySlot) => {
              setTaken(false);
              update({ start: slot.start, step: null });
            }}
          />
        </>
      ) : null}
      {step === "details" && service && start ? (
        <DetailsStep
          slug={slug}
          clinic={clinic}
          service={service}
          therapistId={therapist?.id ?? null}
          therapistName={therapist?.displayName ?? null}
          start={start}
          zone={zone}
          regions={regions}
          session={session}
          isClient={context?.role === "client"}
          onChangeTime={() => update({ step: "time" })}
          onBooked={setBooked}
          onTaken={() => {
            setTaken(true);
            setRefreshKey((k) => k + 1);
            update({ start: null, step: null });
          }}
        />
      ) : null}
      {step === "done" && booked ? (
        <Done appointment={booked} zone={zone} clinic={clinic} therapistChosen={therapist?.id ?? null} />
      ) : null}
    </div>
  );
}

function ServiceStep({
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
      {regions.length > 0 ? <RegionsNote regions={regions} /> : null}
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
                <span className={styles.bookChoiceMode}>
                  {s.kind === "consultation" || s.bookingMode === "request"
                    ? "The clinic confirms your request"
                    : "Returning clients are booked straight away"}
                </span>
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

function Summary({
  service,
  clinic,
  onChange,
}: {
  service: Service;
  clinic: PublicClinic;
  onChange(): void;
}) {
  return (
    <div className={styles.bookSummary}>
      <span>
        <strong>{service.name}</strong>
        <span className="kw-muted">
          {" · "}
          {/\bmin\b/.test(service.name) ? (formatPrice(service) ?? "") : `${service.durationMin} min`}
        </span>
        <span className="kw-visually-hidden"> at {clinic.name}</span>
      </span>
      <button type="button" className="kw-button kw-button--ghost" onClick={onChange}>
        Change<span className="kw-visually-hidden"> service</span>
      </button>
    </div>
  );
}

function TherapistChoice({
  clinic,
  value,
  onChange,
}: {
  clinic: PublicClinic;
  value: string | null;
  onChange(id: string | null): void;
}) {
  const id = useId();
  return (
    <fieldset className={styles.bookTherapists}>
      <legend id={id}>Therapist</legend>
      <div className="kw-pills">
        <button
          type="button"
          className="kw-pill"
          aria-pressed={value === null}
          onClick={() => onChange(null)}
        >
          Any therapist
        </button>
        {clinic.therapists.map((t) => (
          <button
            key={t.id}
            type="button"
            className="kw-pill"
            aria-pressed={value === t.id}
            onClick={() => onChange(t.id)}
          >
            {t.displayName}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function RegionsNote({ regions }: { regions: MarkedRegion[] }) {
  return (
    <div className={styles.bookRegions}>
      <p className={styles.bookRegionsTitle}>Areas you marked in the pain finder</p>
      <ul className={styles.bookRegionList}>
        {regions.map((r) => (
          <li key={r.id} className={styles.bookRegion}>
            <span className={styles.bookRegionDot} data-pain={r.intensity} aria-hidden="true" />
            {r.label} <span className="kw-muted">{r.intensity}/10</span>
          </li>
        ))}
      </ul>
      <p className={cx(styles.bookRegionsHint, "kw-muted")}>
        We'll send these to your therapist with your booking.
      </p>
    </div>
  );
}

function whenText(start: string, durationMin: number, zone: string): string {
  const end = new Date(Date.parse(start) + durationMin * 60_000).toISOString();
  return `${formatLocalDay(localDateOf(start, zone), "long")}, ${formatClock(start, zone)} – ${formatClock(end, zone)}`;
}

function DetailsStep({
  slug,
  clinic,
  service,
  therapistId,
  therapistName,
  start,
  zone,
  regions,
  session,
  isClient,
  onChangeTime,
  onBooked,
  onTaken,
}: {
  slug: string;
  clinic: PublicClinic;
  service: Service;
  therapistId: string | null;
  therapistName: string | null;
  start: string;
  zone: string;
  regions: MarkedRegion[];
  session: SessionResponse | null;
  isClient: boolean;
  onChangeTime(): void;
  onBooked(appointment: AppointmentDetail): void;
  onTaken(): void;
}) {
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteId = useId();
  const instant = service.bookingMode === "instant";

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const text = composeNote(regions, note);
      const appointment = await requestOnline(slug, {
        serviceId: service.id,
        ...(therapistId ? { therapistId } : {}),
        start,
        ...(text ? { note: text } : {}),
      });
      onBooked(appointment);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "slot_taken") {
        onTaken();
        return;
      }
      setError(caught instanceof ApiError ? caught.message : "Something went wrong. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <StepHeader step="details" title="Your details" />
      <Card>
        <dl className={cx(styles.bookFacts, "kw-dl")}>
          <dt>Service</dt>
          <dd>{service.name}</dd>
          <dt>When</dt>
          <dd>
            {whenText(start, service.durationMin, zone)}
            <span className={styles.bookZoneInline}>{zoneDisplayName(zone)}</span>
          </dd>
          <dt>With</dt>
          <dd>{therapistName ?? "Any therapist"}</dd>
          <dt>Where</dt>
          <dd>{clinic.address ?? clinic.name}</dd>
        </dl>
        <Button variant="secondary" onClick={onChangeTime}>
          Change time
        </Button>
      </Card>
      {regions.length > 0 ? <RegionsNote regions={regions} /> : null}
      {!session ? (
        <AccountStep slug={slug} />
      ) : !isClient ? (
        <Alert tone="warning">
          You're signed in as clinic staff. To book for a client, use New booking in the{" "}
          <Link to="/app/calendar">calendar</Link>.
        </Alert>
      ) : (
        <form className="kw-stack" onSubmit={submit} noValidate>
          <div className="kw-field">
            <label htmlFor={noteId}>Anything your therapist should know? (optional)</label>
            <span className="kw-field__hint" id={`${noteId}-hint`}>
              For example where it hurts or what brings it on. Your health history goes in the intake form.
            </span>
            <textarea
              id={noteId}
              className="kw-input kw-textarea"
              rows={4}
              maxLength={800}
              aria-describedby={`${noteId}-hint`}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          {error ? <Alert tone="danger">{error}</Alert> : null}
          <p className="kw-muted">
            {instant
              ? "This time is booked for you as soon as you press the button."
              : "The clinic confirms requests, usually within a day. The time is held for you meanwhile."}
          </p>
          <Button type="submit" block disabled={busy}>
            {busy ? "Sending…" : instant ? "Book this time" : "Request this time"}
          </Button>
        </form>
      )}
    </>
  );
}

/** Sign in or create an account without leaving the chosen slot (the URL keeps it). */
function AccountStep({ slug }: { slug: string }) {
  const { adopt } = useSession();
  const [mode, setMode] = useState<"sign-up" | "sign-in">("sign-up");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    setBusy(true);
    setError(null);
    try {
      const result =
        mode === "sign-in"
          ? await post<SessionResponse>("/api/auth/login", {
              email: value("email"),
              password: value("password"),
            })
          : await post<SessionResponse>("/api/auth/signup", {
              clinicSlug: slug,
              firstName: value("firstName"),
              lastName: value("lastName"),
              email: value("email"),
              phone: value("phone") || undefined,
              password: value("password"),
            });
      adopt(result);
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? { message: caught.message, field: caught.field }
          : { message: "That didn't work. Please try again." },
      );
      setBusy(false);
    }
  }
  const fieldError = (name: string) => (error?.field === name ? error.message : null);

  return (
    <Card title={mode === "sign-up" ? "Create your account to book" : "Sign in to book"}>
      <p className="kw-muted">Your chosen time stays selected while you do this.</p>
      <div className="kw-pills" style={{ marginBottom: "var(--kw-space-4)" }}>
        <button
          type="button"
          className="kw-pill"
          aria-pressed={mode === "sign-up"}
          onClick={() => {
            setMode("sign-up");
            setError(null);
          }}
        >
          I'm new here
        </button>
        <button
          type="button"
          className="kw-pill"
          aria-pressed={mode === "sign-in"}
          onClick={() => {
            setMode("sign-in");
            setError(null);
          }}
        >
          I have an account
        </button>
      </div>
      <form key={mode} className="kw-stack" onSubmit={submit} noValidate>
        {error && !error.field ? <Alert tone="danger">{error.message}</Alert> : null}
        {mode === "sign-up" ? (
          <>
            <TextField
              label="First name"
              name="firstName"
              autoComplete="given-name"
              required
              error={fieldError("firstName")}
            />
            <TextField
              label="Last name"
              name="lastName"
              autoComplete="family-name"
              required
              error={fieldError("lastName")}
            />
          </>
        ) : null}
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete={mode === "sign-in" ? "username" : "email"}
          required
          error={fieldError("email")}
        />
        {mode === "sign-up" ? (
          <TextField
            label="Phone (optional)"
            name="phone"
            type="tel"
            autoComplete="tel"
            error={fieldError("phone")}
          />
        ) : null}
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
          hint={mode === "sign-up" ? "At least 10 characters. A short sentence works well." : undefined}
          required
          error={fieldError("password")}
        />
        <Button type="submit" block disabled={busy}>
          {busy ? "One moment…" : mode === "sign-up" ? "Create account and continue" : "Sign in and continue"}
        </Button>
      </form>
    </Card>
  );
}

/** "Tell me if an earlier time opens": a waitlist entry from now until the booked start. */
function EarlierTimes({
  appointment,
  therapistChosen,
}: {
  appointment: AppointmentDetail;
  therapistChosen: string | null;
}) {
  const [state, setState] = useState<string>("idle");
  if (Date.parse(appointment.startsAt) - Date.now() < 24 * 3_600_000) return null;
  if (state === "done")
    return (
      <Alert tone="info">We'll e-mail you if an earlier time opens. You keep this one either way.</Alert>
    );
  return (
    <div className="kw-stack">
      {state !== "idle" && state !== "busy" ? <Alert tone="danger">{state}</Alert> : null}
      <Button
        variant="ghost"
        disabled={state === "busy"}
        onClick={() => {
          setState("busy");
          post("/api/waitlist", {
            serviceId: appointment.service.id,
            ...(therapistChosen ? { therapistId: therapistChosen } : {}),
            earliest: new Date().toISOString(),
            latest: appointment.startsAt,
          })
            .then(() => setState("done"))
            .catch((error: unknown) =>
              setState(error instanceof ApiError ? error.message : "That didn't work. Please try again."),
            );
        }}
      >
        Tell me if an earlier time opens
      </Button>
    </div>
  );
}

function Done({
  appointment,
  zone,
  clinic,
  therapistChosen,
}: {
  appointment: AppointmentDetail;
  zone: string;
  clinic: PublicClinic;
  therapistChosen: string | null;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const confirmed = appointment.status === "confirmed";
  const when = whenText(appointment.startsAt, appointment.service.durationMin, zone);
  return (
    <div className="kw-stack">
      <div className={cx(styles.bookDoneMark, !confirmed && styles.bookDoneMarkWaiting)} aria-hidden="true">
        {confirmed ? (
          <svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true">
            <path
              d="M5 12.5l4.5 4.5L19 7.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.5"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        ) : (
          <svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true">
            <path
              d="M4 6l8 6 8-6M4 6h16v12H4z"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinejoin="round"
            />
          </svg>
        )}
      </div>
      <h1 ref={headingRef} tabIndex={-1}>
        {confirmed ? "You're booked" : "Request sent"}
      </h1>
      <p className={styles.bookLead}>
        {confirmed
          ? `Your ${appointment.service.name.toLowerCase()} with ${appointment.therapist.name} is confirmed.`
          : `We've sent your request to ${clinic.name}. It is not confirmed yet: the clinic will let you know by e-mail.`}
      </p>
      <Card>
        <dl className="kw-dl">
          <dt>Status</dt>
          <dd>
            <StatusBadge status={appointment.status} />
          </dd>
          <dt>When</dt>
          <dd>
            {when}
            <span className={styles.bookZoneInline}>{zoneDisplayName(zone)}</span>
          </dd>
          <dt>With</dt>
          <dd>{appointment.therapist.name}</dd>
          <dt>Service</dt>
          <dd>{appointment.service.name}</dd>
          {appointment.requestExpiresAt &&
          !confirmed &&
          appointment.requestExpiresAt < appointment.startsAt ? (
            <>
              <dt>Held until</dt>
              <dd>
                {formatLocalDay(localDateOf(appointment.requestExpiresAt, zone), "short")},{" "}
                {formatClock(appointment.requestExpiresAt, zone)}
              </dd>
            </>
          ) : null}
        </dl>
      </Card>
      {appointment.firstVisit ? (
        <Alert tone="info">
          <strong>Before your first visit can be confirmed,</strong> please fill in the intake form and sign
          the consent. It takes about ten minutes and lets your therapist prepare.{" "}
          <Link to="/app">Go to your intake</Link>
        </Alert>
      ) : null}
      <div className="kw-row">
        <a className="kw-button kw-button--secondary" href={icsUrl(appointment.id)} download>
          Add to calendar (.ics)
        </a>
        <Link className="kw-button kw-button--ghost" to="/app">
          See your appointments
        </Link>
      </div>
      <EarlierTimes appointment={appointment} therapistChosen={therapistChosen} />
    </div>
  );
}
