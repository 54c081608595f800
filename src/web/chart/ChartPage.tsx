/**
 * The chart of one appointment (docs/product.md F6), tablet first: the prepared summary, the
 * consultation, the trigger points on the body chart with the hold timer, and the SOAP note, all
 * autosaved (device at once, server after a pause); then sign, and later amend.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { Chart, ChartOpening } from "../../core/api/charting";
import { ApiError } from "../api/client";
import { useSession } from "../auth/session";
import { Alert, Loading } from "../ui/components";
import { cx } from "../ui/cx";
import { formatDayLong, formatTime } from "../ui/time";
import { chartKeys, chartOpeningQuery, createChart, signChart } from "./api";
import {
  chartBackupKey,
  clearChartBackup,
  type Note,
  readChartBackup,
  type SaveState,
  startingWork,
  useChartAutosave,
  type Work,
} from "./autosave";
import { BodyChart, type PointsUpdate } from "./BodyChart";
import styles from "./Chart.module.css";
import { ConsultationForm } from "./ConsultationForm";
import { NoteForm } from "./NoteForm";
import { PreparedSummary } from "./PreparedSummary";
import { fromApiPoint } from "./points";
import { SignedChart } from "./SignedChart";

const TABS = [
  { id: "summary", label: "Summary" },
  { id: "consultation", label: "Consultation" },
  { id: "points", label: "Trigger points" },
  { id: "note", label: "Note and sign" },
] as const;
type TabId = (typeof TABS)[number]["id"];

function isTab(value: string | null): value is TabId {
  return TABS.some((t) => t.id === value);
}

function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === "saved"
      ? "Saved"
      : state.kind === "pending"
        ? "Saving…"
        : state.kind === "offline"
          ? "No connection: kept on this device, sent when you're back online"
          : `Not saved: ${state.message}`;
  return (
    <p className={cx(styles.saveState, styles[`save-${state.kind}`])} role="status">
      {text}
    </p>
  );
}

function Tabs({ tab, onTab }: { tab: TabId; onTab: (tab: TabId) => void }) {
  return (
    <nav className={styles.tabs} aria-label="Chart sections">
      {TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          className={styles.tab}
          aria-current={t.id === tab ? "page" : undefined}
          onClick={() => onTab(t.id)}
        >
          {t.label}
        </button>
      ))}
    </nav>
  );
}

function serverWork(chart: Chart): Work {
  return { note: chart.note as Note, points: chart.points.map(fromApiPoint) };
}

/** The open (unsigned) chart, edited here: one working copy, autosaved. */
function Workspace({
  opening,
  chart,
  userId,
  timeZone,
}: {
  opening: ChartOpening;
  chart: Chart;
  userId: string;
  timeZone: string;
}) {
  const queryClient = useQueryClient();
  const key = chartBackupKey(userId, chart.id);
  const start = useMemo(
    () => startingWork({ work: serverWork(chart), updatedAt: chart.updatedAt }, readChartBackup(key)),
    [chart, key],
  );
  const [work, setWork] = useState<Work>(start.work);
  const autosave = useChartAutosave(chart.id, key, { version: chart.version, unsaved: start.fromBackup });
  const [params, setParams] = useSearchParams();
  const tabParam = params.get("tab");
  const tab: TabId = isTab(tabParam)
    ? tabParam
    : opening.appointment.firstVisit && chart.points.length === 0
      ? "summary"
      : "points";
  const [signing, setSigning] = useState<"idle" | "confirm" | "busy">("idle");
  const [signError, setSignError] = useState<string | null>(null);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      autosave.resume(work, start.fromBackup);
      return;
    }
    autosave.change(work);
  }, [work, autosave.change, autosave.resume, start.fromBackup]);

  const setNote = (patch: Partial<Note>) => setWork((w) => ({ ...w, note: { ...w.note, ...patch } }));
  const setPoints: PointsUpdate = (update) => setWork((w) => ({ ...w, points: update(w.points) }));
  const unchosen = work.points.filter((p) => p.muscleId === null).length;

  const sign = async () => {
    setSignError(null);
    setSigning("busy");
    try {
      if (!(await autosave.flush())) throw new Error("The latest changes are not saved yet.");
      await signChart(chart.id, autosave.version());
      clearChartBackup(key);
      await queryClient.invalidateQueries({ queryKey: chartKeys.opening(opening.appointment.id) });
    } catch (error) {
      setSignError(error instanceof Error ? error.message : "Could not sign the note.");
      setSigning("idle");
    }
  };

  return (
    <>
      <div className={styles.toolbar}>
        <Tabs tab={tab} onTab={(t) => setParams({ tab: t }, { replace: true })} />
        <SaveStatus state={autosave.state} />
      </div>
      {start.fromBackup ? (
        <p className={styles.muted}>Changes kept on this device since the last save were restored.</p>
      ) : null}
      {tab === "summary" ? <PreparedSummary prepared={opening.prepared} timeZone={timeZone} /> : null}
      {tab === "consultation" ? (
        <ConsultationForm
          consultation={work.note.consultation}
          onChange={(consultation) => setNote({ consultation })}
        />
      ) : null}
      {tab === "points" ? (
        <BodyChart
          points={work.points}
          onPointsChange={setPoints}
          defaultHoldSeconds={opening.defaultHoldSeconds}
          suggested={opening.prepared.checkFirst}
        />
      ) : null}
      {tab === "note" ? (
        <div className={styles.stack}>
          <NoteForm note={work.note} onChange={setNote} />
          <section className={styles.signBox} aria-labelledby="kw-sign-title">
            <h3 id="kw-sign-title" className={styles.sectionTitle}>
              Sign the note
            </h3>
            <p className={styles.muted}>
              Once signed, the note and its {work.points.length} trigger point(s) are locked. Later changes
              are amendments, kept with your name, the time and the reason.
            </p>
            {unchosen > 0 ? (
              <p className={styles.warning}>
                {unchosen} point(s) have no muscle yet and are not saved: choose their muscle or remove them
                first.
              </p>
            ) : null}
            {signError ? <Alert tone="danger">{signError}</Alert> : null}
            {signing === "idle" ? (
              <button
                type="button"
                className={styles.primaryButton}
                disabled={unchosen > 0}
                onClick={() => setSigning("confirm")}
              >
                Sign note
              </button>
            ) : (
              <div className={styles.actions}>
                <button type="button" className={styles.secondaryButton} onClick={() => setSigning("idle")}>
                  Not yet
                </button>
                <button
                  type="button"
                  className={styles.primaryButton}
                  disabled={signing === "busy"}
                  onClick={sign}
                >
                  Sign and lock
                </button>
              </div>
            )}
          </section>
        </div>
      ) : null}
    </>
  );
}

export default function ChartPage() {
  const { appointmentId = "" } = useParams();
  const { session, context } = useSession();
  const queryClient = useQueryClient();
  const opening = useQuery(chartOpeningQuery(appointmentId));
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const timeZone = context?.timeZone ?? "UTC";

  if (opening.isPending) return <Loading />;
  if (opening.error) {
    return (
      <Alert tone="danger">
        {opening.error instanceof ApiError ? opening.error.message : "Could not open this chart."}
      </Alert>
    );
  }
  const data = opening.data;
  const { appointment, chart } = data;

  const start = async () => {
    setCreating(true);
    setCreateError(null);
    try {
      await createChart(appointment.id);
      await queryClient.invalidateQueries({ queryKey: chartKeys.opening(appointment.id) });
    } catch (error) {
      setCreateError(error instanceof ApiError ? error.message : "Could not start the chart.");
    } finally {
      setCreating(false);
    }
  };

  return (
    <div className={styles.page}>
      <p className={styles.back}>
        <Link to="/app">← Your day</Link>
        <Link to={`/app/clients/${data.client.id}`}>Client page</Link>
      </p>
      <header className={styles.pageHeader}>
        <p className={styles.eyebrow}>
          {formatDayLong(appointment.startsAt, timeZone)}, {formatTime(appointment.startsAt, timeZone)} ·{" "}
          {appointment.service}
          {appointment.firstVisit ? " · First visit" : ""}
        </p>
        <h1 className={styles.title}>Chart: {data.client.name}</h1>
        <p className={styles.muted}>With {data.therapist.isYou ? "you" : data.therapist.name}</p>
      </header>
      {chart === null ? (
        <>
          {data.canWrite ? (
            <div className={styles.startBox}>
              <p>
                {appointment.firstVisit
                  ? "First visit: read the summary, then start the chart with the consultation."
                  : "Read the summary, then start the session's chart."}
              </p>
              {createError ? <Alert tone="danger">{createError}</Alert> : null}
              <button type="button" className={styles.primaryButton} onClick={start} disabled={creating}>
                Start chart
              </button>
            </div>
          ) : (
            <p className={styles.muted}>No chart for this appointment yet.</p>
          )}
          <PreparedSummary prepared={data.prepared} timeZone={timeZone} />
        </>
      ) : chart.signedAt !== null ? (
        <SignedChart chart={chart} timeZone={timeZone} />
      ) : data.canWrite && chart.canWrite && session ? (
        <Workspace key={chart.id} opening={data} chart={chart} userId={session.user.id} timeZone={timeZone} />
      ) : (
        <SignedChart chart={chart} timeZone={timeZone} />
      )}
    </div>
  );
}
