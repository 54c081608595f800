import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Chart, ChartHistory, ChartPoint } from "../../core/api/charting";
import { type ChartState, movementTestById, postureFindingById } from "../../core/charting";
import { ApiError } from "../api/client";
import { Alert } from "../ui/components";
import { formatDateTime } from "../ui/time";
import { amendmentChanges, changesNothing, describeChanges } from "./amend";
import { amendChart, chartHistoryQuery, chartKeys } from "./api";
import type { Note } from "./autosave";
import { BodyChart } from "./BodyChart";
import styles from "./Chart.module.css";
import { NoteForm, SOAP } from "./NoteForm";
import { PointCorrection } from "./PointCorrection";
import { PointList } from "./PointList";
import { fromApiPoint } from "./points";

function NoteView({ note }: { note: Note }) {
  return (
    <dl className={styles.noteView}>
      <div>
        <dt>Pain before → after</dt>
        <dd>
          {note.painBefore ?? "–"} → {note.painAfter ?? "–"}
        </dd>
      </div>
      {SOAP.map(({ field, label }) => (
        <div key={field}>
          <dt>{label}</dt>
          <dd>{note[field] || "—"}</dd>
        </div>
      ))}
      {note.clientNote ? (
        <div>
          <dt>For the client</dt>
          <dd>{note.clientNote}</dd>
        </div>
      ) : null}
      {note.consultation ? (
        <div>
          <dt>Consultation</dt>
          <dd>
            {[
              ...note.consultation.posture.map((p) => postureFindingById(p.id)?.label ?? p.id),
              ...note.consultation.movement.map(
                (m) =>
                  `${movementTestById(m.testId)?.label ?? m.testId}${m.side ? ` ${m.side}` : ""}: ${m.degrees ?? "–"}°${m.painOnMovement ? ", painful" : ""}`,
              ),
            ].join("; ") || "—"}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The original as signed, then every amendment in order, each with author, time, reason and changes. */
function History({ history, timeZone }: { history: ChartHistory; timeZone: string }) {
  return (
    <ol className={styles.history} aria-label="Note history">
      <li className={styles.historyItem}>
        <h4 className={styles.historyTitle}>
          Original{history.signedAt ? `, signed ${formatDateTime(history.signedAt, timeZone)}` : ""}
        </h4>
        <NoteView note={history.original.note as Note} />
      </li>
      {history.entries.map(({ amendment, state }, index) => (
        <li key={amendment.id} className={styles.historyItem}>
          <h4 className={styles.historyTitle}>
            Amendment {index + 1}, {formatDateTime(amendment.createdAt, timeZone)}
            {amendment.author ? ` by ${amendment.author.name}` : ""}
          </h4>
          <p>
            <strong>Reason:</strong> {amendment.reason}
          </p>
          <ul className={styles.plainList}>
            {describeChanges(history.entries[index - 1]?.state ?? history.original, state).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function AmendForm({ chart, onDone }: { chart: Chart; onDone: () => void }) {
  const queryClient = useQueryClient();
  const original: ChartState = { note: chart.note as Note, points: chart.points };
  const [note, setNote] = useState<Note>(original.note);
  const [points, setPoints] = useState<ChartPoint[]>(chart.points);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Only what differs from the chart as it stands: the API keeps every field an amendment leaves out.
  const changes = amendmentChanges(original, { note, points });
  const corrected = points.find((p) => p.id === correcting);
  const submit = async () => {
    setError(null);
    if (reason.trim() === "") return setError("Say why the note is amended.");
    if (changesNothing(changes)) return setError("Change something in the note or a point first.");
    setBusy(true);
    try {
      await amendChart(chart.id, { reason: reason.trim(), changes });
      await queryClient.invalidateQueries({ queryKey: chartKeys.history(chart.id) });
      await queryClient.invalidateQueries({ queryKey: ["chart-opening"] });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not save the amendment.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.panelWide} aria-labelledby="kw-amend-title">
      <h3 id="kw-amend-title" className={styles.sectionTitle}>
        Amend the signed note
      </h3>
      <p className={styles.muted}>
        The signed original stays readable; the amendment is kept with your name, the time and the reason.
      </p>
      <div className={styles.textField}>
        <label htmlFor="kw-amend-reason">Reason for the amendment</label>
        <textarea id="kw-amend-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <NoteForm note={note} onChange={(patch) => setNote((n) => ({ ...n, ...patch }))} />
      {points.length > 0 ? (
        <div className={styles.stack}>
          <h4 className={styles.historyTitle}>Correct a trigger point</h4>
          <PointList
            points={points.map(fromApiPoint)}
            selectedId={correcting}
            onSelect={(id) => setCorrecting((current) => (current === id ? null : id))}
          />
          {corrected ? (
            <PointCorrection
              point={corrected}
              onChange={(patch) =>
                setPoints((list) => list.map((p) => (p.id === corrected.id ? { ...p, ...patch } : p)))
              }
            />
          ) : null}
        </div>
      ) : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <div className={styles.actions}>
        <button type="button" className={styles.secondaryButton} onClick={onDone}>
          Cancel
        </button>
        <button type="button" className={styles.primaryButton} onClick={submit} disabled={busy}>
          Save amendment
        </button>
      </div>
    </section>
  );
}

/** A signed chart: read only, with its history, and the amendment flow for who may write. */
export function SignedChart({ chart, timeZone }: { chart: Chart; timeZone: string }) {
  const [amending, setAmending] = useState(false);
  const history = useQuery(chartHistoryQuery(chart.id));
  const points = chart.points.map(fromApiPoint);
  return (
    <div className={styles.stack}>
      <p className={styles.signedBanner} role="status">
        Signed {chart.signedAt ? formatDateTime(chart.signedAt, timeZone) : ""}
        {chart.signedBy ? ` by ${chart.signedBy.name}` : ""}. The note is locked
        {chart.amendments.length
          ? `; ${chart.amendments.length} ${chart.amendments.length === 1 ? "amendment" : "amendments"} below.`
          : "."}
      </p>
      <BodyChart points={points} defaultHoldSeconds={30} readOnly />
      <section className={styles.panelWide} aria-labelledby="kw-note-title">
        <h3 id="kw-note-title" className={styles.sectionTitle}>
          Note as it stands
        </h3>
        <NoteView note={chart.note as Note} />
        {chart.canWrite && !amending ? (
          <button type="button" className={styles.secondaryButton} onClick={() => setAmending(true)}>
            Amend note or points
          </button>
        ) : null}
      </section>
      {amending ? <AmendForm chart={chart} onDone={() => setAmending(false)} /> : null}
      <section className={styles.panelWide} aria-labelledby="kw-history-title">
        <h3 id="kw-history-title" className={styles.sectionTitle}>
          History
        </h3>
        {history.data ? (
          <History history={history.data} timeZone={timeZone} />
        ) : history.error ? (
          <Alert tone="danger">Could not load the history.</Alert>
        ) : (
          <p className={styles.muted}>Loading…</p>
        )}
      </section>
    </div>
  );
}
