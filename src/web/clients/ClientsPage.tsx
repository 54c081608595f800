import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { Link } from "react-router";
import appointmentsStyles from "../appointments/Appointments.module.css";
import { useSession } from "../auth/session";
import { FlagBadges } from "../intake/FlagBadges";
import { ButtonLink, Card, Empty, Loading, PageHeader } from "../ui/components";
import { clientsQuery } from "./api";

export default function ClientsPage() {
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query.trim());
  const clients = useQuery(clientsQuery(deferred));
  const { context } = useSession();
  return (
    <>
      <PageHeader
        title="Clients"
        description="Search by name, e-mail or phone."
        actions={
          context?.role === "owner" ? (
            <ButtonLink variant="secondary" to="/app/erasure-requests">
              Erasure requests
            </ButtonLink>
          ) : undefined
        }
      />
      <div className="kw-field" style={{ maxWidth: 420, marginBottom: "var(--kw-space-4)" }}>
        <label htmlFor="client-search">Search clients</label>
        <input
          id="client-search"
          className="kw-input"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <Card flush>
        {clients.isPending ? (
          <Loading />
        ) : (clients.data ?? []).length === 0 ? (
          <Empty>No clients match.</Empty>
        ) : (
          <ul className="kw-list">
            {(clients.data ?? []).map((c) => (
              <li key={c.id} className="kw-row">
                <Link to={`/app/clients/${c.id}`} className={appointmentsStyles.apptWho}>
                  {c.lastName}, {c.firstName}
                </Link>
                <FlagBadges flags={c.flags ?? []} />
                <span className="kw-spacer" />
                <span className="kw-muted">{c.email ?? c.phone ?? ""}</span>
                {c.hasLogin ? null : <span className="kw-badge kw-badge--neutral">No online account</span>}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
