/**
 * Each report as one table: the columns and rows the report page shows and the CSV download
 * holds, so the two cannot disagree.
 */
import type { ReportName, ReportTypes } from "../api/reports";
import type { CsvCell } from "./csv";

export interface ReportTable {
  columns: string[];
  rows: CsvCell[][];
}

const percent = (share: number | null): CsvCell => (share === null ? null : Math.round(share * 1000) / 10);

export function reportTable<K extends ReportName>(name: K, report: ReportTypes[K]): ReportTable {
  switch (name) {
    case "appointments": {
      const r = report as ReportTypes["appointments"];
      return {
        columns: ["Status", "Source", "Appointments"],
        rows: r.byStatusSource.map((row) => [row.status.replace("_", "-"), row.source, row.count]),
      };
    }
    case "utilisation": {
      const r = report as ReportTypes["utilisation"];
      return {
        columns: ["Week of", "Kind", "Name", "Booked minutes", "Available minutes", "Utilisation %"],
        rows: r.rows.map((row) => [
          row.week,
          row.kind,
          row.name,
          row.bookedMin,
          row.availableMin,
          percent(row.share),
        ]),
      };
    }
    case "no-shows": {
      const r = report as ReportTypes["no-shows"];
      return {
        columns: ["Client", "No-shows", "Late cancellations"],
        rows: r.clients.map((row) => [row.name, row.noShows, row.lateCancellations]),
      };
    }
    case "clients": {
      const r = report as ReportTypes["clients"];
      return {
        columns: ["Week of", "New clients", "Returning clients"],
        rows: r.weeks.map((row) => [row.week, row.newClients, row.returningClients]),
      };
    }
    case "plans": {
      const r = report as ReportTypes["plans"];
      return { columns: ["Status", "Plans"], rows: r.byStatus.map((row) => [row.status, row.count]) };
    }
    case "outcomes": {
      const r = report as ReportTypes["outcomes"];
      return {
        columns: ["Kind", "Region or muscle", "Clients", "Average pain change"],
        rows: r.rows.map((row) => [row.kind, row.label, row.clients, row.averageChange]),
      };
    }
    case "waitlist": {
      const r = report as ReportTypes["waitlist"];
      return {
        columns: ["Week of", "Entries created", "Offers sent"],
        rows: r.weeks.map((row) => [row.week, row.entriesCreated, row.offersSent]),
      };
    }
    default:
      throw new RangeError(`Unknown report ${String(name)}`);
  }
}
