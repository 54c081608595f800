/**
 * The first-run page (docs/decisions/0010-clinic-setup.md): while an installation has no clinic,
 * whoever holds the set-up token from the server log creates the clinic and their own owner account
 * here, then lands signed in. Once a clinic exists the page only points to sign-in.
 */
import { type FormEvent, type ReactNode, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import type { z } from "zod";
import type { SessionResponse } from "../../core/api/auth";
import { type SetupStatusSchema, slugFromName } from "../../core/api/setup";
import { ApiError, get, post } from "../api/client";
import { useSession } from "../auth/session";
import { Alert, Button, ButtonLink, Card, Loading, TextField } from "../ui/components";
import { clinicPath } from "./clinic-choice";
import styles from "./SetupPage.module.css";

type SetupStatus = z.infer<typeof SetupStatusSchema>;

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Every zone the browser knows, with the browser's own first so the usual answer is one tap. */
function zoneOptions(own: string): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [own, ...all.filter((zone) => zone !== own)];
}

export default function SetupPage() {
  const [status, setStatus] = useState<SetupStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ slug: string; name: string } | null>(null);
  useEffect(() => {
    get<SetupStatus>("/api/setup")
      .then(setStatus)
      .catch((error: unknown) =>
        setLoadError(error instanceof ApiError ? error.message : "Could not reach Knotwork."),
      );
  }, []);

  let body: ReactNode;
  if (created) body = <Created {...created} />;
  else if (loadError) body = <Alert tone="danger">{loadError}</Alert>;
  else if (!status) body = <Loading />;
  else if (!status.needed)
    body = (
      <Card title="This installation is set up">
        <p>It already has a clinic. Sign in with your account, or ask the clinic's owner to invite you.</p>
        <ButtonLink to="/sign-in">Sign in</ButtonLink>
      </Card>
    );
  else body = <SetupForm onCreated={setCreated} />;

  return (
    <div className={styles.page}>
      <header className={styles.intro}>
        <p className="kw-eyebrow">First run</p>
        <h1>Set up your clinic</h1>
        <p className={styles.lead}>
          Create your clinic and your own owner account. This page works once, while the installation has no
          clinic.
        </p>
        <ul className={styles.facts}>
          <li>Clients sign up and book at your clinic's own address.</li>
          <li>You start with a consultation and 30, 60 and 90 minute sessions, and one room.</li>
          <li>Prices, hours, rooms and policies can all be changed later in Settings.</li>
        </ul>
      </header>
      <div className={styles.main}>{body}</div>
    </div>
  );
}

function SetupForm({ onCreated }: { onCreated: (clinic: { slug: string; name: string }) => void }) {
  const [params, setParams] = useSearchParams();
  const { adopt } = useSession();
  // The log's link carries the token; keep it in memory and out of the address bar and history.
  const [linkToken] = useState(() => params.get("token"));
  useEffect(() => {
    if (params.has("token"))
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete("token");
          return next;
        },
        { replace: true },
      );
  }, [params, setParams]);

  const ownZone = useMemo(browserZone, []);
  const zones = useMemo(() => zoneOptions(ownZone), [ownZone]);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const shownSlug = slugEdited ? slug : slugFromName(name);
  const fieldError = (field: string) => (error?.field === field ? error.message : null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "");
    const ownerEmail = text("ownerEmail");
    const ownerPassword = text("ownerPassword");
    setBusy(true);
    setError(null);
    try {
      const result = await post<{ slug: string }>("/api/setup", {
        token: linkToken ?? text("token"),
        clinicName: name,
        slug: shownSlug,
        timeZone: text("timeZone"),
        address: text("address"),
        phone: text("phone"),
        ownerName: text("ownerName"),
        ownerEmail,
        ownerPassword,
        ownerIsTherapist: form.get("ownerIsTherapist") === "on",
      });
      // Straight in as the owner: the password was typed a moment ago.
      adopt(await post<SessionResponse>("/api/auth/login", { email: ownerEmail, password: ownerPassword }));
      onCreated({ slug: result.slug, name });
    } catch (caught) {
      if (caught instanceof ApiError) setError({ message: caught.message, field: caught.field });
      else setError({ message: "Set-up failed. Please try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      {error && !error.field ? <Alert tone="danger">{error.message}</Alert> : null}
      {error?.field === "token" && linkToken ? <Alert tone="danger">{error.message}</Alert> : null}
      <fieldset className={styles.section}>
        <legend>Your clinic</legend>
        <TextField
          label="Clinic name"
          name="clinicName"
          autoComplete="organization"
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={fieldError("clinicName")}
        />
        <TextField
          label="Web address"
          name="slug"
          hint={`Clients book at ${window.location.origin}${clinicPath(shownSlug || "your-clinic", "book")}`}
          required
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          value={shownSlug}
          onChange={(event) => {
            setSlugEdited(true);
            setSlug(event.target.value);
          }}
          error={fieldError("slug")}
        />
        <ZoneField zones={zones} defaultZone={ownZone} error={fieldError("timeZone")} />
        <TextField
          label="Street address (optional)"
          name="address"
          autoComplete="street-address"
          error={fieldError("address")}
        />
        <TextField
          label="Phone (optional)"
          name="phone"
          type="tel"
          autoComplete="tel"
          error={fieldError("phone")}
        />
      </fieldset>
      <fieldset className={styles.section}>
        <legend>Your owner account</legend>
        <TextField
          label="Your name"
          name="ownerName"
          autoComplete="name"
          required
          error={fieldError("ownerName")}
        />
        <TextField
          label="E-mail"
          name="ownerEmail"
          type="email"
          autoComplete="email"
          required
          error={fieldError("ownerEmail")}
        />
        <TextField
          label="Password"
          name="ownerPassword"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. A short sentence works well."
          required
          error={fieldError("ownerPassword")}
        />
        <label className={styles.check}>
          <input type="checkbox" name="ownerIsTherapist" defaultChecked />
          <span>
            <strong>I treat clients too</strong>
            <span className={styles.checkHint}>
              You are listed as a therapist, working Monday to Friday 9:00 to 17:00 with a lunch break, so
              clients can book you at once.
            </span>
          </span>
        </label>
      </fieldset>
      {linkToken ? (
        <p className={styles.tokenNote}>Set-up token taken from the link in the server log.</p>
      ) : (
        <fieldset className={styles.section}>
          <legend>Set-up token</legend>
          <TextField
            label="Token from the server log"
            name="token"
            hint="Knotwork prints it when it starts while no clinic exists."
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            error={fieldError("token")}
          />
        </fieldset>
      )}
      <Button type="submit" block disabled={busy}>
        {busy ? "Creating your clinic…" : "Create clinic"}
      </Button>
    </form>
  );
}

function ZoneField({
  zones,
  defaultZone,
  error,
}: {
  zones: string[];
  defaultZone: string;
  error: string | null;
}) {
  return (
    <div className="kw-field">
      <label htmlFor="setup-zone">Time zone</label>
      <span className="kw-field__hint" id="setup-zone-hint">
        Opening hours and appointments are in this zone.
      </span>
      <select
        id="setup-zone"
        name="timeZone"
        className="kw-input"
        defaultValue={defaultZone}
        aria-describedby={error ? "setup-zone-hint setup-zone-error" : "setup-zone-hint"}
        aria-invalid={error ? true : undefined}
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </select>
      {error ? (
        <span className="kw-field__error" id="setup-zone-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

function Created({ slug, name }: { slug: string; name: string }) {
  const bookingUrl = `${window.location.origin}${clinicPath(slug, "book")}`;
  return (
    <Card title={`${name} is ready`}>
      <div className="kw-stack">
        <p>You are signed in as its owner. Share this address with your clients:</p>
        <p className={styles.address}>
          <a href={clinicPath(slug, "book")}>{bookingUrl}</a>
        </p>
        <ol className={styles.next}>
          <li>Set your prices in Settings (the services start without one).</li>
          <li>Check your hours, rooms and booking policies.</li>
          <li>Invite your team under Team.</li>
        </ol>
        <ButtonLink to="/app">Open your dashboard</ButtonLink>
      </div>
    </Card>
  );
}
