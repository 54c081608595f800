/**
 * What each signed-in page shows first, as the queries its components read (same options, same
 * keys). pages.ts starts these while the page's code loads, so the page renders with its data
 * instead of code → render → fetch → render (docs/decisions/0012-web-data-loading.md).
 * Loaded on demand with the signed-in pages, so public pages carry no TanStack Query.
 */
import type { EnsureQueryDataOptions, QueryKey } from "@tanstack/react-query";
import type { AuthContext } from "../../core/api/auth";
import { appointmentsQuery } from "../appointments/api";
import { CLIENT_COUNT_LIMIT, clientRecordQuery, clientsQuery } from "../clients/api";
import { clinicQuery, publicClinicQuery, roomsQuery, servicesQuery, therapistsQuery } from "../clinic/api";
import { myConsentQuery } from "../consent/api";
import { myDiaryQuery } from "../diary/api";
import { myHomeCareQuery } from "../homecare/api";
import { myIntakeQuery, staffIntakeQuery } from "../intake/api";
import { myAftercareQuery, myPlanQuery } from "../plans/api";
import { myAppointmentsQuery } from "../portal/api";
import { myProgressQuery } from "../progress/api";
import { archivedRoomsQuery, archivedServicesQuery } from "../settings/api";
import { myTherapistQuery, staffQuery } from "../team/api";
import { queryClient } from "./query-client";
import { calendarRange, homeRanges, portalRanges, requestsRange } from "./ranges";

export interface PageRequest {
  params: Readonly<Record<string, string | undefined>>;
  search: URLSearchParams;
  context: AuthContext;
}

/** Fills the cache for one query; a failure is left for the page to show, as it always has. */
function load<TData, TKey extends QueryKey>(options: EnsureQueryDataOptions<TData, Error, TData, TKey>) {
  return queryClient.ensureQueryData(options).catch(() => undefined);
}
type Queries = Promise<unknown>[];

export const PAGE_DATA = {
  home({ context }: PageRequest): Queries {
    if (context.role === "client") {
      // History fills the "Past" list; the page shows without waiting for it.
      void load(myAppointmentsQuery(portalRanges().history));
      return [
        load(myAppointmentsQuery(portalRanges().ahead)),
        load(myIntakeQuery),
        load(myConsentQuery),
        load(publicClinicQuery(context.clinicSlug)),
      ];
    }
    const { today, fortnight } = homeRanges(context.timeZone);
    const lists = [load(appointmentsQuery(today)), load(appointmentsQuery(fortnight))];
    // The owner's client count is one figure among many: fetched, but not waited for.
    if (context.role === "owner") void load(clientsQuery("", CLIENT_COUNT_LIMIT));
    return lists;
  },
  calendar: ({ search, context }: PageRequest): Queries => [
    load(appointmentsQuery(calendarRange(search, context.timeZone))),
    load(therapistsQuery),
    load(roomsQuery),
  ],
  requests: (): Queries => [load(appointmentsQuery(requestsRange()))],
  clients: (): Queries => [load(clientsQuery(""))],
  client: ({ params }: PageRequest): Queries =>
    params.id ? [load(clientRecordQuery(params.id)), load(staffIntakeQuery(params.id))] : [],
  team: ({ context }: PageRequest): Queries =>
    context.role === "therapist" ? [load(myTherapistQuery)] : [load(staffQuery)],
  settings({ search }: PageRequest): Queries {
    switch (search.get("section")) {
      case "services":
        return [load(servicesQuery), load(archivedServicesQuery)];
      case "hours":
        return [load(therapistsQuery)];
      case "rooms":
        return [load(roomsQuery), load(archivedRoomsQuery)];
      default:
        return [load(clinicQuery)];
    }
  },
  intake: (): Queries => [load(myIntakeQuery)],
  consent: (): Queries => [load(myConsentQuery)],
  // The client's care pages, one route (plans/CarePages.tsx): each page's one query.
  care({ params }: PageRequest): Queries {
    switch (params.page) {
      case "plan":
        return [load(myPlanQuery)];
      case "aftercare":
        return [load(myAftercareQuery)];
      case "home-care":
        return [load(myHomeCareQuery)];
      case "diary":
        return [load(myDiaryQuery)];
      case "progress":
        return [load(myProgressQuery)];
      default:
        return [];
    }
  },
} satisfies Record<string, (request: PageRequest) => Queries>;

export type PageDataKey = keyof typeof PAGE_DATA;

/** Fills the cache for a page. Never throws: a failed query is the page's to show, as before. */
export async function preloadPage(key: PageDataKey, request: PageRequest): Promise<void> {
  await Promise.all(PAGE_DATA[key](request));
}
