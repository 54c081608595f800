/**
 * The owner's reports (F10): one page, a date range and a therapist filter in the URL, and per
 * report its key figures, a chart, its table and a CSV download. A therapist sees the same page
 * with their own figures (the API forces the filter).
 */
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { ReportName, ReportTypes } from "../../core/api/reports";
import { reportTable } from "../../core/reports/tables";
import { useSession } from "../auth/session";
import { therapistsQuery } from "../clinic/api";
import { Alert, Loading, PageHeader, Stat } from "../ui/components";
import { usePatchSearchParams } from "../ui/usePatchSearchParams";
import { type ReportFilter, reportCsvUrl, reportQuery } from "./api";
import { HorizontalBars, WeeklyBars } from "./charts";
import styles from "./Reports.module.css";

const DAY = 86_400_000;

function localToday(zone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(Date.now());
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

const pct = (share: number | null) => (share === null ? "—" : `${Math.round(share * 1000) / 10} %`);

const TITLES: Record<ReportName, string> = {
  appointments: "Appointments",
  utilisation: "Utilisation",
  "no-shows": "No-shows and late cancellations",
  clients: "New and returning clients",
  plans: "Treatment plan completion",
  outcomes: "Outcomes: pain change",
  waitlist: "Waitlist",
};

const EXPLAIN: Record<ReportName, string> = {
  appointments: "Appointments starting in the range, by status and how they were booked.",
  utilisation:
    "Booked minutes (confirmed, completed, no-show) over working minutes: weekly hours, date overrides, breaks and time off.",
  "no-shows":
    "Out of appointments that were booked (confirmed, completed, no-show, cancelled). Late: cancelled inside the cancellation window.",
  clients:
    "A client is new in the week of their first completed visit. Retention: new clients who booked again within 8 weeks.",
  plans:
    "Plans started in the range. Dropped: unfinished, no session for 6 weeks and nothing booked. Maintenance: finished, with a maintenance interval.",
  outcomes:
    "Pain before treatment at the latest session minus the first, per client, averaged (negative = better). Hidden below 5 clients.",
  waitlist:
    "Entries added and offers sent. 'Taken' counts offers followed within 48 hours by a booking of the same service (an estimate).",
};

function Table({ name, report }: { name: ReportName; report: ReportTypes[ReportName] }) {
  const table = reportTable(name, report);
  if (table.rows.length === 0) return <p className={styles.note}>Nothing in this range.</p>;
  return (
    // Focusable, so a keyboard can scroll a long table (axe: scrollable-region-focusable).
    <section
      className={`kw-table-wrap ${styles.tableScroll}`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard
      tabIndex={0}
      aria-label={`${TITLES[name]}: table`}
    >
      <table className="kw-table">
        <caption className="kw-visually-hidden">{TITLES[name]}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reorder
            <tr key={i}>
              {row.map((cell, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={j}>{cell === null || cell === undefined ? "—" : String(cell)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Body({ name, report }: { name: ReportName; report: ReportTypes[ReportName] }): ReactNode {
  switch (name) {
    case "appointments": {
      const r = report as ReportTypes["appointments"];
      return (
        <>
          <div className={styles.stats}>
            <Stat value={r.total} label="Appointments" />
            <Stat value={r.requests.total} label="Requests" />
            <Stat value={r.requests.confirmed} label="Requests confirmed" />
            <Stat
              value={
                r.requests.medianMinutesToConfirm === null
                  ? "—"
                  : `${Math.round(r.requests.medianMinutesToConfirm)} min`
              }
              label="Median time to confirm"
            />
          </div>
          <WeeklyBars
            title="Appointments per week"
            weeks={r.weeks.map((w) => w.week)}
            series={[{ label: "Appointments", values: r.weeks.map((w) => w.count), tone: "primary" }]}
          />
        </>
      );
    }
    case "utilisation": {
      const r = report as ReportTypes["utilisation"];
      const totals = new Map<string, { label: string; booked: number; available: number }>();
      for (const row of r.rows) {
        const key = `${row.kind}|${row.id}`;
        const entry = totals.get(key) ?? {
          label: row.kind === "room" ? `Room: ${row.name}` : row.name,
          booked: 0,
          available: 0,
        };
        entry.booked += row.bookedMin;
        entry.available += row.availableMin;
        totals.set(key, entry);
      }
      const bars = [...totals.values()].map((t) => {
        const share = t.available === 0 ? null : t.booked / t.available;
        return { label: t.label, value: share ?? 0, text: pct(share) };
      });
      return <HorizontalBars title="Utilisation over the range" bars={bars} />;
    }
    case "no-shows": {
      const r = report as ReportTypes["no-shows"];
      return (
        <>
          <div className={styles.stats}>
            <Stat value={r.booked} label="Booked" />
            <Stat value={`${r.noShows} (${pct(r.noShowRate)})`} label="No-shows" />
            <Stat
              value={`${r.lateCancellations} (${pct(r.lateCancellationRate)})`}
              label="Late cancellations"
            />
          </div>
          <WeeklyBars
            title="No-shows and late cancellations per week"
            weeks={r.weeks.map((w) => w.week)}
            series={[
              { label: "No-shows", values: r.weeks.map((w) => w.noShows), tone: "danger" },
              {
                label: "Late cancellations",
                values: r.weeks.map((w) => w.lateCancellations),
                tone: "accent",
              },
            ]}
          />
        </>
      );
    }
    case "clients": {
      const r = report as ReportTypes["clients"];
      return (
        <>
          <div className={styles.stats}>
            <Stat value={r.newClients} label="New clients" />
            <Stat value={r.returningClients} label="Returning clients" />
            <Stat
              value={pct(r.retention.share)}
              label={`Booked again within 8 weeks (of ${r.retention.eligible})`}
            />
          </div>
          <WeeklyBars
            title="Clients seen per week"
            weeks={r.weeks.map((w) => w.week)}
            series={[
              { label: "New", values: r.weeks.map((w) => w.newClients), tone: "accent" },
              { label: "Returning", values: r.weeks.map((w) => w.returningClients), tone: "primary" },
            ]}
          />
        </>
      );
    }
    case "plans": {
      const r = report as ReportTypes["plans"];
      return (
        <>
          <div className={styles.stats}>
            <Stat value={r.plans} label="Plans started" />
            <Stat value={`${r.doneSessions} / ${r.plannedSessions}`} label="Planned sessions done" />
            <Stat value={pct(r.completionShare)} label="Completion" />
          </div>
          <HorizontalBars
            title="Plans by status"
            bars={r.byStatus.map((s) => ({ label: s.status, value: s.count, text: String(s.count) }))}
          />
        </>
      );
    }
    case "outcomes": {
      const r = report as ReportTypes["outcomes"];
      const shown = r.rows.filter((row) => row.kind === "region" && row.averageChange !== null);
      return shown.length === 0 ? (
        <p className={styles.note}>
          No region has {r.minClients} or more clients with two charted sessions in this range.
        </p>
      ) : (
        <HorizontalBars
          title="Average pain change per region"
          tone="accent"
          bars={shown.map((row) => ({
            label: row.label,
            value: row.averageChange as number,
            text: `${(row.averageChange as number) > 0 ? "+" : ""}${row.averageChange} (${row.clients})`,
          }))}
        />
      );
    }
    case "waitlist": {
      const r = report as ReportTypes["waitlist"];
      return (
        <>
          <div className={styles.stats}>
            <Stat value={r.entriesCreated} label="Entries added" />
            <Stat value={r.offersSent} label="Offers sent" />
            <Stat value={r.offersTakenEstimate} label="Offers taken (estimate)" />
            <Stat value={r.openNow} label="Waiting now" />
          </div>
          <WeeklyBars
            title="Waitlist per week"
            weeks={r.weeks.map((w) => w.week)}
            series={[
              { label: "Entries", values: r.weeks.map((w) => w.entriesCreated), tone: "primary" },
              { label: "Offers", values: r.weeks.map((w) => w.offersSent), tone: "accent" },
            ]}
          />
        </>
      );
    }
    default:
      return null;
  }
}

function ReportSection({ name, filter }: { name: ReportName; filter: ReportFilter }) {
  const query = useQuery(reportQuery(name, filter));
  const headingId = `report-${name}`;
  return (
    <section className={`kw-card ${styles.section}`} id={name} aria-labelledby={headingId}>
      <div className={styles.sectionHead}>
        <h2 id={headingId}>{TITLES[name]}</h2>
        <a className="kw-button kw-button--secondary" href={reportCsvUrl(name, filter)} download>
          Download CSV<span className="kw-visually-hidden"> of {TITLES[name]}</span>
        </a>
      </div>
      <p className={styles.explain}>{EXPLAIN[name]}</p>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <Alert tone="danger">{query.error.message}</Alert>
      ) : (
        <>
          <Body name={name} report={query.data} />
          <Table name={name} report={query.data} />
        </>
      )}
    </section>
  );
}

const ORDER: ReportName[] = [
  "appointments",
  "utilisation",
  "no-shows",
  "clients",
  "plans",
  "outcomes",
  "waitlist",
];

export default function ReportsPage() {
  const { context } = useSession();
  const zone = context?.timeZone ?? "UTC";
  const today = localToday(zone);
  const [params, patch] = usePatchSearchParams();
  const isOwner = context?.role === "owner";
  const therapists = useQuery({ ...therapistsQuery, enabled: isOwner });
  const to = params.get("to") ?? today;
  const from = params.get("from") ?? shiftDate(to, -83);
  const filter: ReportFilter = { from, to, therapistId: isOwner ? params.get("therapist") : null };
  const valid = from <= to;
  const preset = (days: number) =>
    patch({ from: shiftDate(today, -(days - 1)), to: today }, { replace: true });
  return (
    <>
      <PageHeader
        title="Reports"
        description={
          isOwner
            ? "How full the diary is, who does not show up, whether clients come back and whether treatment works."
            : "Your own figures: appointments, utilisation, no-shows, clients, plans and outcomes."
        }
      />
      <form className={styles.filters} onSubmit={(event) => event.preventDefault()}>
        <label>
          From
          <input
            type="date"
            value={from}
            max={to}
            onChange={(e) => e.target.value && patch({ from: e.target.value }, { replace: true })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={to}
            min={from}
            onChange={(e) => e.target.value && patch({ to: e.target.value }, { replace: true })}
          />
        </label>
        {isOwner ? (
          <label>
            Therapist
            <select
              value={filter.therapistId ?? ""}
              onChange={(e) => patch({ therapist: e.target.value || null }, { replace: true })}
            >
              <option value="">Whole clinic</option>
              {(therapists.data ?? []).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.displayName}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div className={styles.presets}>
          <button type="button" className="kw-button kw-button--ghost" onClick={() => preset(28)}>
            4 weeks
          </button>
          <button type="button" className="kw-button kw-button--ghost" onClick={() => preset(84)}>
            12 weeks
          </button>
          <button type="button" className="kw-button kw-button--ghost" onClick={() => preset(364)}>
            12 months
          </button>
        </div>
      </form>
      <nav aria-label="Reports on this page">
        <ul className={styles.toc}>
          {ORDER.map((name) => (
            <li key={name}>
              <a href={`#${name}`}>{TITLES[name]}</a>
            </li>
          ))}
        </ul>
      </nav>
      {valid ? (
        <div className={styles.reports}>
          {ORDER.map((name) => (
            <ReportSection key={name} name={name} filter={filter} />
          ))}
        </div>
      ) : (
        <Alert tone="danger">The range must end on or after its start.</Alert>
      )}
    </>
  );
}
