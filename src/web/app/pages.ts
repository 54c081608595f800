/**
 * Which module renders each page, who may see it, and which first data it shows. `preloadPath`
 * starts a page's chunk and, for someone allowed to see it, its data (page-data.ts) at the same
 * time: main.tsx calls it for the page opened, navigation links on hover or focus.
 */
import type { ComponentType } from "react";
import { matchPath } from "react-router";
import type { Role } from "../../core/api/auth";
import { currentSession } from "../auth/session";
import type { PageDataKey } from "./page-data";

type PageModule = Promise<{ default: ComponentType }>;

export interface PageEntry {
  path: string;
  load: () => PageModule;
  /** Who may see it (checked by the page when absent). */
  roles?: readonly Role[];
  data?: PageDataKey;
}

const STAFF: readonly Role[] = ["owner", "therapist", "front_desk"];
const CLIENT: readonly Role[] = ["client"];

export const PUBLIC_PAGES: readonly PageEntry[] = [
  // Forms check input with the API's zod schemas: their own chunks keep zod off the landing page.
  { path: "/sign-in", load: () => import("../auth/SignInPage") },
  { path: "/sign-up", load: () => import("../auth/SignUpPage") },
  { path: "/invite/:token", load: () => import("../auth/AcceptInvitePage") },
  // Public pages, each its own small chunk (bench/web-size.bench.ts weighs them).
  { path: "/finder", load: () => import("../finder/FinderPage") },
  { path: "/atlas", load: () => import("../atlas/AtlasIndexPage") },
  { path: "/atlas/:muscleId", load: () => import("../atlas/MusclePage") },
  // Online booking starts signed out too, on a phone: no TanStack Query, its own small chunk.
  { path: "/book", load: () => import("../booking/BookingPage") },
];

export const SIGNED_IN_PAGES: readonly PageEntry[] = [
  { path: "/app", load: () => import("../home/HomePage"), data: "home" },
  { path: "/app/clients", roles: STAFF, load: () => import("../clients/ClientsPage"), data: "clients" },
  { path: "/app/clients/:id", roles: STAFF, load: () => import("../clients/ClientPage"), data: "client" },
  { path: "/app/team", roles: ["owner", "front_desk"], load: () => import("../team/TeamPage"), data: "team" },
  { path: "/app/calendar", roles: STAFF, load: () => import("../calendar/CalendarPage"), data: "calendar" },
  {
    path: "/app/requests",
    roles: ["owner", "front_desk"],
    load: () => import("../requests/RequestsPage"),
    data: "requests",
  },
  {
    path: "/app/settings",
    roles: ["owner"],
    load: () => import("../settings/SettingsPage"),
    data: "settings",
  },
  { path: "/app/intake", roles: CLIENT, load: () => import("../intake/IntakePage"), data: "intake" },
  { path: "/app/consent", roles: CLIENT, load: () => import("../consent/ConsentPage"), data: "consent" },
  { path: "/app/consent/edit", roles: ["owner"], load: () => import("../consent/ConsentEditor") },
  { path: "/app/audit", roles: ["owner"], load: () => import("../audit/AuditPage") },
];

const EVERYONE: readonly Role[] = [...STAFF, ...CLIENT];

/** The page entry for a path, with its parameters (`/app/clients/:id` → `{ id }`). */
export function findPage(pathname: string) {
  for (const page of [...PUBLIC_PAGES, ...SIGNED_IN_PAGES]) {
    const match = matchPath({ path: page.path, end: true }, pathname);
    if (match) return { page, params: match.params };
  }
  return null;
}

/** Starts what a page needs: its code, and its first data for someone allowed to see it. */
export function preloadPath(to: string): void {
  const url = new URL(to, window.location.origin);
  const found = findPage(url.pathname);
  if (!found) return;
  const { page, params } = found;
  void page.load().catch(() => undefined);
  if (SIGNED_IN_PAGES.includes(page)) void import("./QueryLayout").catch(() => undefined);
  if (!page.data) return;
  const key = page.data;
  const roles = page.roles ?? EVERYONE;
  void Promise.all([currentSession(), import("./page-data")])
    .then(([session, data]) => {
      const context = session?.context;
      if (context && roles.includes(context.role)) {
        return data.preloadPage(key, { params, search: url.searchParams, context });
      }
    })
    .catch(() => undefined);
}
