/**
 * The owner's audit log: who (name and role) did what to which client's record, and when; filters
 * by client, staff member, action and day; a CSV export of what is shown; and the chain check.
 */
import { useQuery } from "@tanstack/react-query";
import type { AuditFilter } from "../../core/api/audit";
import { ROLE_LABELS, type Role } from "../../core/api/roles";
import { useSession } from "../auth/session";
import { Alert, Button, Card, Empty, Loading, PageHeader } from "../ui/components";
import { formatDateTime } from "../ui/time";
import { usePatchSearchParams } from "../ui/usePatchSearchParams";
import styles from "./Audit.module.css";
import {
  AUDIT_FILTER_KEYS,
  auditEventsQuery,
  auditFilterOptionsQuery,
  auditSearch,
  auditVerificationQuery,
} from "./api";

/** "change-password" → "Change password", "screening_flags" → "Screening flags"; "no-show" stays. */
function words(text: string): string {
  const spaced = text === "no-show" ? text : text.replace(/[_-]/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function roleLabel(role: string | null): string {
  if (!role) return "";
  return role
    .split(", ")
    .map((r) => ROLE_LABELS[r as Role] ?? r)
    .join(", ");
}

function VerifyChain() {
  const chain = useQuery(auditVerificationQuery);
  return (
    <div className={styles.verify}>
      <Button variant="secondary" disabled={chain.isFetching} onClick={() => void chain.refetch()}>
        {chain.isFetching ? "Checking…" : "Verify the chain"}
      </Button>
      {chain.data ? (
        chain.data.ok ? (
          <Alert>
            Intact: {chain.data.checked} events checked, every link and signature holds
            {chain.data.checkpoints > 0
              ? `, ${chain.data.checkpoints} signed checkpoint${chain.data.checkpoints === 1 ? "" : "s"} matched`
              : ""}
            .
          </Alert>
        ) : (
          <Alert tone="danger">
            Altered: the chain breaks at event #{chain.data.brokenAt}. {chain.data.problem}
          </Alert>
        )
      ) : null}
      {chain.error ? <Alert tone="danger">The check could not run: {chain.error.message}</Alert> : null}
    </div>
  );
}

export default function AuditPage() {
  const { context } = useSession();
  const [params, patch] = usePatchSearchParams();
  const filter: AuditFilter = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  const events = useQuery(auditEventsQuery(filter));
  const options = useQuery(auditFilterOptionsQuery);
  const zone = context?.timeZone ?? "UTC";
  const search = auditSearch(filter);
  const filtered = search !== "";
  const change = (key: (typeof AUDIT_FILTER_KEYS)[number]) => (event: { currentTarget: { value: string } }) =>
    patch({ [key]: event.currentTarget.value || null }, { replace: true });

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every read and change of clinical records: who, what, which client and when. Append-only and hash-chained."
        actions={
          <a
            className="kw-button kw-button--secondary"
            href={`/api/audit/export.csv${search ? `?${search}` : ""}`}
            download
          >
            Export CSV
          </a>
        }
      />
      <VerifyChain />
      <form className={styles.filters} aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <label className={styles.filter}>
          <span>Staff member</span>
          <select className="kw-input" value={filter.actorUserId ?? ""} onChange={change("actorUserId")}>
            <option value="">Anyone</option>
            {(options.data?.staff ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.role ? ` (${roleLabel(s.role)})` : ""}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.filter}>
          <span>Client</span>
          <select className="kw-input" value={filter.clientId ?? ""} onChange={change("clientId")}>
            <option value="">Any client</option>
            {(options.data?.clients ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.filter}>
          <span>Action</span>
          <select className="kw-input" value={filter.action ?? ""} onChange={change("action")}>
            <option value="">Any action</option>
            {(options.data?.actions ?? []).map((a) => (
              <option key={a} value={a}>
                {words(a)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.filter}>
          <span>From</span>
          <input className="kw-input" type="date" value={filter.from ?? ""} onChange={change("from")} />
        </label>
        <label className={styles.filter}>
          <span>To</span>
          <input className="kw-input" type="date" value={filter.to ?? ""} onChange={change("to")} />
        </label>
        {filtered ? (
          <Button
            variant="ghost"
            onClick={() =>
              patch(Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, null])), { replace: true })
            }
          >
            Clear filters
          </Button>
        ) : null}
      </form>
      <Card flush>
        {events.isPending ? (
          <Loading />
        ) : events.error ? (
          <Alert tone="danger">{events.error.message}</Alert>
        ) : (events.data ?? []).length === 0 ? (
          <Empty>{filtered ? "No events match these filters." : "No events yet."}</Empty>
        ) : (
          <div className="kw-table-wrap">
            <table className="kw-table">
              <caption className="kw-visually-hidden">
                Audit events, newest first{filtered ? ", filtered" : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Client</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {(events.data ?? []).map((e) => (
                  <tr key={e.id}>
                    <td className={styles.nowrap}>{formatDateTime(e.at, zone)}</td>
                    <td>
                      {e.actorName ?? (e.actorUserId ? "Erased account" : "System")}
                      {e.actorRole ? <span className={styles.role}>{roleLabel(e.actorRole)}</span> : null}
                    </td>
                    <td>
                      {words(e.action)} · {words(e.entity).toLowerCase()}
                    </td>
                    <td>{e.clientName ?? (e.clientId ? "Erased client" : "—")}</td>
                    <td className={styles.ip}>{e.ip ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
