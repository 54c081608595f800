/**
 * How the portal sorts a client's appointments into its lists. A cancelled or declined visit whose
 * time has not come is neither upcoming (it will not happen) nor past (it has not happened): it has
 * its own "Cancelled" list, so the client sees it was called off and does not expect it.
 */
import type { Appointment } from "../../core/api/clinic";

export interface PortalGroups {
  /** Requested or confirmed, not yet over; soonest first. */
  upcoming: Appointment[];
  /** Cancelled or declined, for a time still to come; soonest first. */
  cancelled: Appointment[];
  /** Over (whatever became of them), or completed or missed; latest first. */
  past: Appointment[];
}

const CALLED_OFF = new Set<Appointment["status"]>(["cancelled", "declined"]);
const HOLDING = new Set<Appointment["status"]>(["requested", "confirmed"]);

export function groupPortalAppointments(all: readonly Appointment[], now = Date.now()): PortalGroups {
  const soonestFirst = (a: Appointment, b: Appointment) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  const groups: PortalGroups = { upcoming: [], cancelled: [], past: [] };
  for (const a of all) {
    const over = Date.parse(a.endsAt) < now;
    if (!over && HOLDING.has(a.status)) groups.upcoming.push(a);
    else if (!over && CALLED_OFF.has(a.status)) groups.cancelled.push(a);
    else groups.past.push(a);
  }
  groups.upcoming.sort(soonestFirst);
  groups.cancelled.sort(soonestFirst);
  groups.past.sort((a, b) => soonestFirst(b, a));
  return groups;
}
