/**
 * The client's appointments in the portal (F9): upcoming with "Change time" and "Cancel" while the
 * clinic's policy allows it (a request any time before it starts, a confirmed visit up to the
 * cancellation window), past ones for the record. The actions call the scheduling API.
 */
import { lazy, Suspense, useEffect, useState } from "react";
import type { Appointment } from "../../core/api/clinic";
import appointmentsStyles from "../appointments/Appointments.module.css";
import { Button, Empty, StatusBadge } from "../ui/components";
import { formatDayShort, formatTime } from "../ui/time";
import styles from "./Portal.module.css";

// Fetched after first paint where the list offers changes, mounted on the first "Change time" or
// "Cancel" and then kept mounted, so that it opens and closes as it did when it was bundled here.
const loadChangeDialog = () => import("./PortalChangeDialog");
const ChangeDialog = lazy(loadChangeDialog);

export interface PortalPolicy {
  readonly cancellationWindowHours: number;
  readonly horizonDays: number;
  readonly phone: string | null;
}

export type Change = { kind: "cancel" | "reschedule"; appointment: Appointment } | null;

/** Whether the client may still change this appointment online, and if not, why. */
export function changeAllowed(
  a: Appointment,
  policy: PortalPolicy,
  now = Date.now(),
): { ok: boolean; why?: string } {
  const start = Date.parse(a.startsAt);
  if (start <= now) return { ok: false, why: "It has started." };
  if (a.status === "requested") return { ok: true };
  if (a.status !== "confirmed") return { ok: false };
  if (start - now < policy.cancellationWindowHours * 3_600_000) {
    return {
      ok: false,
      why: `Less than ${policy.cancellationWindowHours} hours to go: please call the clinic${policy.phone ? ` on ${policy.phone}` : ""} to change it.`,
    };
  }
  return { ok: true };
}

export function PortalAppointments({
  appointments,
  zone,
  slug,
  policy,
  empty,
  actions,
}: {
  appointments: Appointment[];
  zone: string;
  slug: string;
  policy: PortalPolicy | null;
  empty: string;
  actions: boolean;
}) {
  const [change, setChange] = useState<Change>(null);
  const [opened, setOpened] = useState(false);
  const choose = (next: NonNullable<Change>) => {
    setOpened(true);
    setChange(next);
  };
  const offersChanges = actions && appointments.length > 0;
  useEffect(() => {
    if (offersChanges) void loadChangeDialog().catch(() => undefined);
  }, [offersChanges]);
  if (appointments.length === 0) return <Empty>{empty}</Empty>;
  return (
    <>
      <ul className="kw-list">
        {appointments.map((a) => {
          const allowed = actions && policy ? changeAllowed(a, policy) : { ok: false };
          return (
            <li key={a.id} className={appointmentsStyles.appt}>
              <span className={appointmentsStyles.apptTime}>
                <span className={appointmentsStyles.apptDate}>{formatDayShort(a.startsAt, zone)}</span>
                <span>{formatTime(a.startsAt, zone)}</span>
              </span>
              <span>
                <span className={appointmentsStyles.apptHeadline}>
                  <span className={appointmentsStyles.apptWho}>{a.service.name}</span>
                  <StatusBadge status={a.status} />
                </span>
                <span className={appointmentsStyles.apptWhat}>
                  With {a.therapist.name}
                  {a.room ? ` · ${a.room.name}` : ""}
                </span>
                {actions ? (
                  allowed.ok ? (
                    <span className={styles.portalApptActions}>
                      <Button
                        variant="secondary"
                        onClick={() => choose({ kind: "reschedule", appointment: a })}
                      >
                        Change time
                      </Button>
                      <Button variant="ghost" onClick={() => choose({ kind: "cancel", appointment: a })}>
                        Cancel
                      </Button>
                    </span>
                  ) : allowed.why ? (
                    <span className={styles.portalApptNote}>{allowed.why}</span>
                  ) : null
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      {opened ? (
        <Suspense fallback={null}>
          <ChangeDialog
            change={change}
            zone={zone}
            slug={slug}
            policy={policy}
            onClose={() => setChange(null)}
          />
        </Suspense>
      ) : null}
    </>
  );
}
