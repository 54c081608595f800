/**
 * Online booking on a phone (docs/design-system.md): service → time (in the client's own zone, said so) →
 * details → done. The choices live in the URL, so signing in or creating an account at the details
 * step, a reload or the back button all come back to the chosen slot. Each step is its own file.
 */
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { ApiError } from "../api/client";
import type { AppointmentDetail } from "../appointments/api";
import { addDays, browserTimeZone, localDateOf } from "../appointments/time";
import { useSession } from "../auth/session";
import { publicClinicQuery } from "../clinic/api";
import { NoClinicChosen, useClinicChoice } from "../setup/clinic-choice";
import { Alert, Loading } from "../ui/components";
import { usePatchSearchParams } from "../ui/usePatchSearchParams";
import styles from "./BookingPage.module.css";
import { DetailsStep } from "./DetailsStep";
import { DoneStep } from "./DoneStep";
import { parseRegions } from "./regions";
import { ServiceStep } from "./ServiceStep";
import { TimeStep } from "./TimeStep";

/**
 * `/c/SLUG/book` books at that clinic; `/book` (the finder's and atlas's links) at the signed-in
 * client's own clinic, else the installation's default (the configured or the only clinic).
 */
export default function BookingPage() {
  const [params] = useSearchParams();
  const { context } = useSession();
  const named =
    useParams().slug ?? params.get("clinic") ?? (context?.role === "client" ? context.clinicSlug : null);
  const choice = useClinicChoice(named);
  if (choice.state === "loading") return <Loading />;
  if (choice.state === "error") return <Alert tone="danger">{choice.message}</Alert>;
  if (choice.state === "none") return <NoClinicChosen page="book" setupNeeded={choice.setupNeeded} />;
  return <Booking slug={choice.slug} />;
}

function Booking({ slug }: { slug: string }) {
  const [params, update] = usePatchSearchParams();
  const { session, context } = useSession();
  const clinicQuery = useQuery(publicClinicQuery(slug));
  const zone = useMemo(() => browserTimeZone(), []);
  const regions = useMemo(() => parseRegions(params.get("regions")), [params]);
  const [booked, setBooked] = useState<AppointmentDetail | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [taken, setTaken] = useState(false);

  if (clinicQuery.isError) {
    const error = clinicQuery.error;
    return (
      <Alert tone="danger">{error instanceof ApiError ? error.message : "Could not load the clinic."}</Alert>
    );
  }
  const clinic = clinicQuery.data;
  if (!clinic) return <Loading />;

  const service = clinic.services.find((s) => s.id === params.get("service")) ?? null;
  const therapist = clinic.therapists.find((t) => t.id === params.get("therapist")) ?? null;
  const start = params.get("start");
  const step = booked
    ? "done"
    : !service
      ? "service"
      : !start || params.get("step") === "time"
        ? "time"
        : "details";
  const today = localDateOf(Date.now(), zone);

  return (
    <div className={styles.book}>
      {step === "service" ? (
        <ServiceStep
          clinic={clinic}
          regions={regions}
          onChoose={(s) => update({ service: s.id, start: null, step: null })}
        />
      ) : null}
      {step === "time" && service ? (
        <TimeStep
          slug={slug}
          clinic={clinic}
          service={service}
          therapistId={therapist?.id ?? null}
          zone={zone}
          today={today}
          lastDay={addDays(today, clinic.policies.horizonDays)}
          start={start}
          day={params.get("day")}
          taken={taken}
          refreshKey={refreshKey}
          onChangeService={() => update({ service: null, start: null })}
          onTherapist={(id) => update({ therapist: id, start: null }, { replace: true })}
          onDay={(day) => update({ day }, { replace: true })}
          onSlot={(slot) => {
            setTaken(false);
            update({ start: slot.start, step: null });
          }}
        />
      ) : null}
      {step === "details" && service && start ? (
        <DetailsStep
          slug={slug}
          clinic={clinic}
          service={service}
          therapistId={therapist?.id ?? null}
          therapistName={therapist?.displayName ?? null}
          start={start}
          zone={zone}
          regions={regions}
          signedIn={session !== null}
          isClient={context?.role === "client"}
          onChangeTime={() => update({ step: "time" })}
          onBooked={setBooked}
          onTaken={() => {
            setTaken(true);
            setRefreshKey((k) => k + 1);
            update({ start: null, step: null });
          }}
        />
      ) : null}
      {step === "done" && booked ? (
        <DoneStep
          appointment={booked}
          zone={zone}
          clinic={clinic}
          therapistChosen={therapist?.id ?? null}
          regions={regions}
        />
      ) : null}
    </div>
  );
}
