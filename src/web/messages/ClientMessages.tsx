/**
 * The client's message centre (F8): every message sent or due to them (kept here when the clinic has
 * no mail server), and what they agree to be contacted about.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { AuthContext } from "../../core/api/auth";
import { Alert, Card, Empty, Loading, PageHeader } from "../ui/components";
import { formatDateTime } from "../ui/time";
import {
  type ContactPreferences,
  myMessagesQuery,
  myPreferencesQuery,
  updatePreferencesMutation,
} from "./api";
import { kindLabel } from "./labels";
import styles from "./Messages.module.css";

const TOPICS: { key: keyof ContactPreferences; label: string; hint: string }[] = [
  { key: "reminders", label: "Appointment reminders", hint: "A message the day before each appointment." },
  {
    key: "recalls",
    label: "Follow-up and maintenance",
    hint: "When a planned session is not booked, or a maintenance visit is due.",
  },
  { key: "checkIns", label: "Check-ins after a session", hint: "The day after, to ask how you feel." },
];

/** What the client agrees to be contacted about; also on the portal's home page. */
export function ContactPreferencesForm() {
  const queryClient = useQueryClient();
  const preferences = useQuery(myPreferencesQuery);
  const update = useMutation(updatePreferencesMutation(queryClient));
  const [saved, setSaved] = useState<string | null>(null);
  // The change being saved, set in the same event as the click: a controlled checkbox whose value
  // waited for the mutation's (asynchronous) pending state would spring back first.
  const [changing, setChanging] = useState<Partial<ContactPreferences> | null>(null);
  if (preferences.isPending) return <Loading />;
  if (!preferences.data) return <Alert tone="danger">Could not load your preferences.</Alert>;
  const current = { ...preferences.data, ...changing };
  return (
    <fieldset className={styles.preferences}>
      <legend className="kw-muted">
        Messages about your bookings (confirmations, changes, cancellations) always come.
      </legend>
      {TOPICS.map((topic) => (
        <label key={topic.key} className={styles.check}>
          <input
            type="checkbox"
            checked={current[topic.key]}
            disabled={changing !== null}
            onChange={(event) => {
              const on = event.target.checked;
              setSaved(null);
              setChanging({ [topic.key]: on });
              update.mutate(
                { [topic.key]: on },
                {
                  onSuccess: () => setSaved(`${topic.label}: ${on ? "on" : "off"}.`),
                  onSettled: () => setChanging(null),
                },
              );
            }}
          />
          <span>
            {topic.label}
            <br />
            <span className="kw-muted">{topic.hint}</span>
          </span>
        </label>
      ))}
      <div aria-live="polite">
        {saved ? <Alert tone="info">Saved. {saved}</Alert> : null}
        {update.error ? <Alert tone="danger">{update.error.message}</Alert> : null}
      </div>
    </fieldset>
  );
}

export function ClientMessages({ context }: { context: AuthContext }) {
  const messages = useQuery(myMessagesQuery);
  return (
    <>
      <PageHeader title="Messages" description={`Everything ${context.clinicName} has sent you.`} />
      <div className={styles.layout}>
        <Card title="Your messages" flush>
          {messages.isPending ? (
            <Loading />
          ) : !messages.data ? (
            <Alert tone="danger">Could not load your messages.</Alert>
          ) : messages.data.messages.length === 0 ? (
            <Empty>No messages yet.</Empty>
          ) : (
            <ul className="kw-list">
              {messages.data.messages.map((m) => (
                <li key={m.id}>
                  <article className={styles.message}>
                    <div className={styles.messageHead}>
                      <h3 className={styles.messageSubject}>{m.subject}</h3>
                      <span className="kw-badge kw-badge--neutral">{kindLabel(m.kind)}</span>
                    </div>
                    <p className="kw-muted">
                      <time dateTime={m.at}>{formatDateTime(m.at, context.timeZone)}</time>
                      {m.emailed ? " · also e-mailed" : ""}
                    </p>
                    <p className={styles.messageBody}>{m.body}</p>
                  </article>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="What we may send you">
          <ContactPreferencesForm />
        </Card>
      </div>
    </>
  );
}
