/**
 * The owner's erasure requests (F11): for each open request, what carrying it out erases and what
 * the clinic keeps until when; one button carries it out. Done requests show when the rest is purged.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ErasurePreview, ErasureRequestSummary } from "../../core/api/records";
import { ApiError } from "../api/client";
import { useSession } from "../auth/session";
import { Alert, Button, Card, Empty, Loading, PageHeader } from "../ui/components";
import { formatDateTime } from "../ui/time";
import { carryOutErasure, erasureKeys, erasureRequestsQuery } from "./api";
import styles from "./Erasure.module.css";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function dateOnly(iso: string, zone: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: zone }).format(new Date(iso));
}

function WhatHappens({ preview, zone }: { preview: ErasurePreview; zone: string }) {
  const { erased, kept } = preview;
  return (
    <div className={styles.lists}>
      <div>
        <h3>Erased now</h3>
        <ul>
          {erased.contactDetails ? <li>E-mail and phone</li> : null}
          {erased.account ? <li>Their sign-in account</li> : null}
          <li>{plural(erased.diaryEntries, "pain diary entry", "pain diary entries")}</li>
          <li>{plural(erased.messages, "message")}</li>
          <li>{plural(erased.waitlistEntries, "waitlist entry", "waitlist entries")}</li>
          {erased.intakeDraft ? <li>An unsubmitted intake draft</li> : null}
          <li>{plural(erased.futureAppointments, "future booking")} cancelled</li>
        </ul>
      </div>
      <div>
        <h3>Kept until {dateOnly(preview.retainUntil, zone)}, then purged</h3>
        <ul>
          <li>{plural(kept.intakes, "intake version")}</li>
          <li>{plural(kept.consentSignatures, "consent signature")}</li>
          <li>{plural(kept.treatmentSessions, "charted session")}</li>
          <li>{plural(kept.treatmentPlans, "treatment plan")}</li>
          <li>{plural(kept.homeCarePlans, "home-care plan")}</li>
          <li>{plural(kept.sorenessCheckIns, "soreness check-in")}</li>
          <li>{plural(kept.pastAppointments, "past appointment")}</li>
        </ul>
        <p className="kw-muted">
          {preview.lastVisit ? `Last visit ${dateOnly(preview.lastVisit, zone)}` : "No visits"}, plus the
          clinic's {preview.retentionYears}-year retention period.
        </p>
      </div>
    </div>
  );
}

function RequestRow({ request, zone }: { request: ErasureRequestSummary; zone: string }) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const carryOut = useMutation({
    mutationFn: () => carryOutErasure(request.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: erasureKeys.list }),
    onError: (error) => setProblem(error instanceof ApiError ? error.message : "Could not carry it out."),
  });
  const name = request.clientName ?? "Purged client";
  return (
    <div className={styles.request}>
      <h3>{name}</h3>
      <p className="kw-muted">
        Asked {formatDateTime(request.requestedAt, zone)}
        {request.erasedAt ? ` · erased ${formatDateTime(request.erasedAt, zone)}` : ""}
        {request.status === "erased" && request.retainUntil
          ? ` · clinical records purged after ${dateOnly(request.retainUntil, zone)}`
          : ""}
        {request.purgedAt ? ` · purged ${formatDateTime(request.purgedAt, zone)}` : ""}
      </p>
      {request.status === "requested" && request.preview ? (
        <>
          <WhatHappens preview={request.preview} zone={zone} />
          <div className={styles.actions}>
            <Button variant="danger" onClick={() => carryOut.mutate()} disabled={carryOut.isPending}>
              Erase {name}'s account
            </Button>
            <span className="kw-muted">The client is sent a confirmation.</span>
          </div>
        </>
      ) : null}
      {problem ? <Alert tone="danger">{problem}</Alert> : null}
    </div>
  );
}

export default function ErasureRequestsPage() {
  const { context } = useSession();
  const zone = context?.timeZone ?? "UTC";
  const list = useQuery(erasureRequestsQuery);
  const requests = list.data?.requests ?? [];
  const open = requests.filter((r) => r.status === "requested");
  const done = requests.filter((r) => r.status !== "requested");
  return (
    <>
      <PageHeader
        title="Erasure requests"
        description="Clients who asked to erase their account. Contact details, sign-in, diary and messages go at once; clinical records stay for the retention period."
      />
      {list.isPending ? (
        <Loading />
      ) : (
        <>
          <Card title="Waiting for you">
            {open.length === 0 ? (
              <Empty>No open requests.</Empty>
            ) : (
              open.map((r) => <RequestRow key={r.id} request={r} zone={zone} />)
            )}
          </Card>
          {done.length > 0 ? (
            <div style={{ marginTop: "var(--kw-space-4)" }}>
              <Card title="Carried out">
                {done.map((r) => (
                  <RequestRow key={r.id} request={r} zone={zone} />
                ))}
              </Card>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
