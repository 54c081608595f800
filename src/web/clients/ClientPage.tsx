import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/client";
import { useSession } from "../auth/session";
import { ClientCharts } from "../chart/ClientCharts";
import { StaffIntakeSections } from "../intake/StaffIntake";
import { ClientCare } from "../plans/staff/ClientCare";
import { Alert, Card, Loading, PageHeader } from "../ui/components";
import { clientRecordQuery } from "./api";

export default function ClientPage() {
  const { id = "" } = useParams();
  const { context } = useSession();
  const record = useQuery(clientRecordQuery(id));
  if (record.isPending) return <Loading />;
  if (record.error) {
    return (
      <Alert tone="danger">
        {record.error instanceof ApiError ? record.error.message : "Could not load this client."}
      </Alert>
    );
  }
  const c = record.data;
  return (
    <>
      <p>
        <Link to="/app/clients">← All clients</Link>
      </p>
      <PageHeader
        title={`${c.firstName} ${c.lastName}`}
        description={`Client since ${new Date(c.createdAt).toLocaleDateString("en-US", { month: "long", year: "numeric" })}`}
      />
      <StaffIntakeSections clientId={c.id} timeZone={context?.timeZone ?? "UTC"} />
      <ClientCharts clientId={c.id} timeZone={context?.timeZone ?? "UTC"} />
      <div className="kw-grid" style={{ marginTop: "var(--kw-space-5)" }}>
        <Card title="Contact">
          <dl className="kw-dl" style={{ overflowWrap: "anywhere" }}>
            <dt>E-mail</dt>
            <dd>{c.email ?? "—"}</dd>
            <dt>Phone</dt>
            <dd>{c.phone ?? "—"}</dd>
            <dt>Date of birth</dt>
            <dd>{c.dateOfBirth ?? "—"}</dd>
            <dt>Online account</dt>
            <dd>{c.hasLogin ? "Yes" : "No (booked by phone)"}</dd>
          </dl>
        </Card>
      </div>
      {context && context.role !== "front_desk" ? (
        <ClientCare clientId={c.id} firstName={c.firstName} zone={context.timeZone} />
      ) : null}
    </>
  );
}
