/**
 * A client's intake as staff see it before the consultation (F5): screening flags first and loud,
 * recording a doctor's clearance for a hold, whether a first visit could be confirmed, pain scores,
 * the answers, where it hurts on the body map, and the finder's ranking for those regions.
 * Every load is one audited read on the server. The owner and therapists can fill the intake in for
 * a client by phone from here (StaffIntakeEntryPage); an intake staff entered says so.
 */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { StaffIntake } from "../../core/api/intake";
import { ApiError } from "../api/client";
import { FinderResults } from "../finder/FinderResults";
import { Alert, ButtonLink, Card, Loading } from "../ui/components";
import { AnswersPanel } from "./AnswersPanel";
import { staffIntakeQuery } from "./api";
import { FirstVisitPanel } from "./FirstVisitPanel";
import { PainPanel, WhereItHurts } from "./PainPanels";
import { ScreeningPanel } from "./ScreeningPanel";
import styles from "./StaffIntake.module.css";
import { formatDateTime } from "./staff-format";

const ROLE_NAMES: Readonly<Record<string, string>> = { owner: "the owner", therapist: "a therapist" };

/** Filling the intake in for the client, by phone (owner and therapists), and who entered the one shown. */
function PhoneEntry({ clientId, data }: { clientId: string; data: StaffIntake }) {
  const entered = data.enteredByStaff;
  const label = data.intake
    ? "Update intake (phone)"
    : data.draft
      ? "Continue intake (phone)"
      : "Fill in intake (phone)";
  return (
    <div className={styles.phoneEntry}>
      {entered ? (
        <p className={styles.phoneEntryNote}>
          Entered by staff for the client ({ROLE_NAMES[entered.role] ?? entered.role},{" "}
          {formatDateTime(entered.at)}
          ), not by the client themselves.
        </p>
      ) : null}
      <ButtonLink variant="secondary" to={`/app/clients/${encodeURIComponent(clientId)}/intake`}>
        {label}
      </ButtonLink>
      {data.consent.signedCurrent ? null : (
        <p className="kw-muted">
          Consent is not part of it: the client signs it at their first visit or in the portal.
        </p>
      )}
    </div>
  );
}

export function StaffIntakeSections({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  const [version, setVersion] = useState<number | undefined>(undefined);
  const query = useQuery(staffIntakeQuery(clientId, version));
  if (query.isPending) return <Loading label="Loading the intake…" />;
  if (query.error) {
    return (
      <Alert tone="danger">
        {query.error instanceof ApiError ? query.error.message : "Could not load the intake."}
      </Alert>
    );
  }
  const data = query.data;
  return (
    <div className={styles.staffIntake}>
      <ScreeningPanel clientId={clientId} screening={data.screening} timeZone={timeZone} />
      <FirstVisitPanel data={data} />
      {data.audience === "clinical" && data.intake ? (
        <>
          <PhoneEntry clientId={clientId} data={data} />
          <PainPanel data={data} />
          <div className={styles.staffIntakeGrid}>
            <WhereItHurts data={data} />
            <Card title="Muscles commonly associated with pain here">
              <FinderResults
                results={data.finder}
                marks={Object.fromEntries(
                  (data.intake.answers.areasOfConcern ?? []).map((a) => [a.id, a.intensity]),
                )}
                visitor="staff"
                shortList={5}
              />
            </Card>
          </div>
          <AnswersPanel data={data} onVersion={setVersion} />
        </>
      ) : (
        <Card title="Intake">
          <p className="kw-muted">
            {data.intake
              ? `Submitted ${formatDateTime(data.intake.submittedAt)} (version ${data.intake.version}). Only the client's therapist and the owner read the answers.`
              : data.draft
                ? `Not submitted yet: the client is filling it in (${data.draft.missing.length} answers to go, last saved ${formatDateTime(data.draft.savedAt)}).`
                : "The client has not started the intake questionnaire."}
          </p>
          {data.audience === "clinical" ? <PhoneEntry clientId={clientId} data={data} /> : null}
        </Card>
      )}
    </div>
  );
}
