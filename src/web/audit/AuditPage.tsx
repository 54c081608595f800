import { useQuery } from "@tanstack/react-query";
import { useSession } from "../auth/session";
import { Alert, Card, Loading, PageHeader } from "../ui/components";
import { formatDateTime } from "../ui/time";
import { auditEventsQuery, auditVerificationQuery } from "./api";

export default function AuditPage() {
  const { context } = useSession();
  const events = useQuery(auditEventsQuery);
  const chain = useQuery(auditVerificationQuery);
  const zone = context?.timeZone ?? "UTC";
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every read and change of clinical records: who, what and when. Append-only and hash-chained."
      />
      {chain.data ? (
        chain.data.ok ? (
          <Alert>
            Integrity check passed: {chain.data.checked} events, chain intact, {chain.data.checkpoints} signed
            checkpoints matched.
          </Alert>
        ) : (
          <Alert tone="danger">
            Integrity check FAILED at event #{chain.data.brokenAt}. The log has been altered.{" "}
            {chain.data.problem}
          </Alert>
        )
      ) : null}
      <div style={{ height: "var(--kw-space-4)" }} />
      <Card flush>
        {events.isPending ? (
          <Loading />
        ) : (
          <div className="kw-table-wrap">
            <table className="kw-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who (role)</th>
                  <th scope="col">Action</th>
                  <th scope="col">Record</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {(events.data ?? []).map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.at, zone)}</td>
                    <td>{e.actorRole ?? "—"}</td>
                    <td>{e.action}</td>
                    <td>
                      {e.entity}
                      {e.entityId ? ` ${e.entityId.slice(0, 8)}` : ""}
                    </td>
                    <td>{e.ip ?? "—"}</td>
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
