/**
 * The owner or a therapist filling in a client's intake for them, by phone (a client booked by the
 * front desk, often without a log-in): the client's own steps and autosave (IntakeFlow), written to
 * `/api/clients/:id/intake/...` and screened the same way. Consent is not part of it: signing the
 * informed consent stays the client's own act.
 */
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/client";
import { useSession } from "../auth/session";
import { clientRecordQuery } from "../clients/api";
import { Alert, Loading } from "../ui/components";
import { staffEntryQuery } from "./api";
import { backupKey } from "./autosave";
import styles from "./Intake.module.css";
import { IntakeFlow } from "./IntakePage";

export default function StaffIntakeEntryPage() {
  const { id = "" } = useParams();
  const { session } = useSession();
  const record = useQuery(clientRecordQuery(id));
  const intake = useQuery(staffEntryQuery(id));
  if (record.isPending || intake.isPending) return <Loading />;
  const error = record.error ?? intake.error;
  if (error || !session || !record.data || !intake.data) {
    return (
      <Alert tone="danger">{error instanceof ApiError ? error.message : "Could not load this intake."}</Alert>
    );
  }
  const client = record.data;
  return (
    <>
      <div className={styles.intake}>
        <p>
          <Link to={`/app/clients/${encodeURIComponent(client.id)}`}>
            ← {client.firstName} {client.lastName}
          </Link>
        </p>
        <Alert tone="info">
          Ask {client.firstName} each question and enter the answers as they give them. Consent is not part of
          this: the client signs the informed consent themselves, at their first visit or in the portal.
        </Alert>
      </div>
      <IntakeFlow
        intake={intake.data}
        storageKey={backupKey(session.user.id, client.id)}
        forClient={{ id: client.id, firstName: client.firstName }}
      />
    </>
  );
}
