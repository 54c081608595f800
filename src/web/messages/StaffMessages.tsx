/**
 * The clinic's messages (F8): what was sent, what is due and what failed, per kind and per client,
 * and the latest messages with their delivery state. Failed ones are the dead letters: the mail
 * server refused them for good or every retry failed.
 */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AuthContext } from "../../core/api/auth";
import { MESSAGE_STATUSES, type MessageStatus } from "../../core/api/notify";
import { MESSAGE_KINDS } from "../../core/notify/kinds";
import { Alert, Card, Empty, Loading, PageHeader } from "../ui/components";
import { formatDateTime } from "../ui/time";
import { type MessagesFilter, type MessagesOverview, messagesOverviewQuery } from "./api";
import { kindLabel, STATUS_BADGE, STATUS_WORDS } from "./labels";
import styles from "./Messages.module.css";

const COUNTED: MessageStatus[] = ["sent", "due", "scheduled", "retrying", "failed", "cancelled"];

function CountsTable({
  caption,
  first,
  rows,
  onPick,
}: {
  caption: string;
  first: string;
  rows: { key: string; label: string; counts: Record<MessageStatus, number> }[];
  /** Shows only this row's messages in the list below. */
  onPick: (key: string, label: string) => void;
}) {
  if (rows.length === 0) return <Empty>No messages.</Empty>;
  return (
    <div className="kw-table-wrap">
      <table className={`kw-table ${styles.stacked} ${styles.counts}`}>
        <caption className="kw-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {COUNTED.map((s) => (
              <th scope="col" key={s} className={styles.number}>
                {STATUS_WORDS[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <button
                  type="button"
                  className={styles.pick}
                  aria-label={`Show only ${row.label}`}
                  onClick={() => onPick(row.key, row.label)}
                >
                  {row.label}
                </button>
              </th>
              {COUNTED.map((s) => (
                <td key={s} className={styles.number} data-label={STATUS_WORDS[s]}>
                  {row.counts[s]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Latest({ data, zone }: { data: MessagesOverview; zone: string }) {
  if (data.messages.length === 0) return <Empty>No messages match.</Empty>;
  return (
    <div className="kw-table-wrap">
      <table className={`kw-table ${styles.stacked} ${styles.latest}`}>
        <caption className="kw-visually-hidden">Latest messages</caption>
        <thead>
          <tr>
            <th scope="col">Due</th>
            <th scope="col">Kind</th>
            <th scope="col">Client</th>
            <th scope="col">Status</th>
            <th scope="col">Subject</th>
          </tr>
        </thead>
        <tbody>
          {data.messages.map((m) => (
            <tr key={m.id}>
              <td data-label="Due">{formatDateTime(m.dueAt, zone)}</td>
              <td data-label="Kind">{kindLabel(m.kind)}</td>
              <td data-label="Client">{m.client?.name ?? m.to}</td>
              <td data-label="Status">
                <span className={STATUS_BADGE[m.status]}>{STATUS_WORDS[m.status]}</span>
                {m.lastError && m.status !== "sent" ? (
                  <div className={styles.error}>{m.lastError}</div>
                ) : null}
                {m.cancelReason ? <div className="kw-muted">{m.cancelReason}</div> : null}
              </td>
              <td data-label="Subject">{m.subject}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const NO_FILTER: MessagesFilter = { status: "", kind: "", clientId: "" };

export function StaffMessages({ context }: { context: AuthContext }) {
  const [filter, setFilter] = useState<MessagesFilter>(NO_FILTER);
  // The picked client's name, for the filter line (the counts then hold only them).
  const [clientName, setClientName] = useState("");
  const overview = useQuery(messagesOverviewQuery(filter));
  const data = overview.data;
  const narrowed = filter.kind !== "" || filter.clientId !== "";
  return (
    <>
      <PageHeader
        title="Messages"
        description="Reminders, confirmations and follow-ups: what was sent, what is due, what failed."
      />
      {data && !data.emailEnabled ? (
        <Alert tone="info">
          No mail server is configured: messages are kept in each client's message centre in the portal.
        </Alert>
      ) : null}
      <div className={styles.filters}>
        <div className="kw-field">
          <label htmlFor="message-status">Show</label>
          <select
            id="message-status"
            className="kw-input"
            value={filter.status}
            onChange={(event) => setFilter({ ...filter, status: event.target.value as MessageStatus | "" })}
          >
            <option value="">All messages</option>
            {MESSAGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_WORDS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="kw-field">
          <label htmlFor="message-kind">Kind</label>
          <select
            id="message-kind"
            className="kw-input"
            value={filter.kind}
            onChange={(event) => setFilter({ ...filter, kind: event.target.value })}
          >
            <option value="">Every kind</option>
            {MESSAGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {filter.clientId ? (
        <p className={styles.narrowed} aria-live="polite">
          Only {clientName}.{" "}
          <button
            type="button"
            className={styles.pick}
            onClick={() => setFilter({ ...filter, clientId: "" })}
          >
            Show every client
          </button>
        </p>
      ) : null}
      {overview.isPending ? (
        <Loading />
      ) : !data ? (
        <Alert tone="danger">Could not load the messages.</Alert>
      ) : (
        <div className={styles.stack}>
          <Card title="By kind" flush>
            <CountsTable
              caption="Messages by kind"
              first="Kind"
              rows={data.byKind.map((k) => ({ key: k.kind, label: kindLabel(k.kind), counts: k }))}
              onPick={(kind) => setFilter({ ...filter, kind })}
            />
          </Card>
          <Card title="By client" flush>
            <CountsTable
              caption="Messages by client"
              first="Client"
              rows={data.byClient.map((c) => ({ key: c.clientId, label: c.name, counts: c }))}
              onPick={(clientId, name) => {
                setClientName(name);
                setFilter({ ...filter, clientId });
              }}
            />
          </Card>
          <Card title={narrowed ? "Latest (filtered)" : "Latest"} flush>
            <Latest data={data} zone={context.timeZone} />
          </Card>
        </div>
      )}
    </>
  );
}
