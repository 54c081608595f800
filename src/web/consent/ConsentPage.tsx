/**
 * Informed consent (F5): the clinic's text in force, signed by typing one's name. The server keeps the
 * time and the version; when the clinic publishes a new version, this page asks again.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import type { MyConsent } from "../../core/api/intake";
import { ApiError, get, post } from "../api/client";
import { useSession } from "../auth/session";
import { Alert, ButtonLink, Loading, TextField } from "../ui/components";
import styles from "./Consent.module.css";

export const MY_CONSENT_KEY = ["my-consent"] as const;

function formatSigned(iso: string): string {
  return new Date(iso).toLocaleString("en-US", { dateStyle: "long", timeStyle: "short" });
}

export default function ConsentPage() {
  const query = useQuery({ queryKey: MY_CONSENT_KEY, queryFn: () => get<MyConsent>("/api/me/consent") });
  if (query.isPending) return <Loading />;
  if (query.error) {
    return (
      <Alert tone="danger">
        {query.error instanceof ApiError ? query.error.message : "Could not load the consent form."}
      </Alert>
    );
  }
  return <ConsentDocumentView consent={query.data} />;
}

function ConsentDocumentView({ consent }: { consent: MyConsent }) {
  const { current, status } = consent;
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <article className={styles.consent}>
      <p className="kw-eyebrow">Consent form</p>
      <h1 ref={heading}>{current.title}</h1>
      <p className={styles.consentMeta}>
        Version {current.version}, in use from{" "}
        {new Date(`${current.effectiveDate}T12:00:00Z`).toLocaleDateString("en-US", { dateStyle: "long" })}
      </p>
      {status.signedCurrent ? null : status.signedVersion !== null ? (
        <Alert tone="warning">
          We have updated this form since you signed version {status.signedVersion}. Please read it again and
          sign the new version.
        </Alert>
      ) : null}
      {current.sections.map((section) => (
        <section key={section.id} className={styles.consentSection}>
          <h2>{section.heading}</h2>
          <p>{section.body}</p>
        </section>
      ))}
      {status.signedCurrent && status.signedAt ? (
        <section className={styles.consentSigned} aria-labelledby="kw-consent-signed">
          <h2 id="kw-consent-signed">Signed</h2>
          <p className={styles.consentAgreement}>{current.agreement}</p>
          <p>
            Signed as <strong>{status.typedName}</strong> on {formatSigned(status.signedAt)} (version{" "}
            {status.signedVersion}).
          </p>
          <ButtonLink variant="secondary" to="/app">
            Back to my page
          </ButtonLink>
        </section>
      ) : (
        <SignForm version={current.version} agreement={current.agreement} />
      )}
    </article>
  );
}

function SignForm({ version, agreement }: { version: number; agreement: string }) {
  const { session } = useSession();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const sign = useMutation({
    mutationFn: () =>
      post<MyConsent>("/api/me/consent/signatures", { typedName: name, consentVersion: version }),
    onSuccess: (result) => queryClient.setQueryData(MY_CONSENT_KEY, result),
    onError: (error) => {
      if (error instanceof ApiError && error.code === "consent_outdated") {
        void queryClient.invalidateQueries({ queryKey: MY_CONSENT_KEY });
      }
      setProblem(error instanceof ApiError ? error.message : "Could not sign. Please try again.");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(name.trim().length < 2 ? "Please type your full name." : null);
    if (name.trim().length >= 2) sign.mutate();
  };
  return (
    <form className={styles.consentSign} onSubmit={submit} noValidate>
      <h2>Sign</h2>
      <p className={styles.consentAgreement}>{agreement}</p>
      <TextField
        label="Type your full name to sign"
        hint={session ? `For example: ${session.user.name}` : undefined}
        autoComplete="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={problem}
        maxLength={200}
      />
      <button
        type="submit"
        className="kw-button kw-button--primary kw-button--block"
        disabled={sign.isPending}
      >
        {sign.isPending ? "Signing…" : "I agree and sign"}
      </button>
      <p className={styles.consentFine}>
        Your name, the date and time, and this version of the form are kept on your record.
      </p>
    </form>
  );
}
