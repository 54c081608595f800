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

type PageModule<Props = object> = Promise<{ default: ComponentType<Props> }>;

/**
 * A page's import, remembered: preloading and rendering share one promise, and once it has
 * settled the page renders without suspending (React holds a revealed Suspense boundary back up
 * to 300 ms, which would cost more than the load itself).
 */
export interface PageLoader<Props = object> {
  (): PageModule<Props>;
  loaded: { default: ComponentType<Props> } | null;
}
/** Also used inside a page for parts only some visitors need (home/HomePage.tsx: one per role). */
export function remember<Props = object>(load: () => PageModule<Props>): PageLoader<Props> {
  let promise: PageModule<Props> | null = null;
  const loader = (() => {
    promise ??= load().then((module) => {
      loader.loaded = module;
      return module;
    });
    return promise;
  }) as PageLoader<Props>;
  loader.loaded = null;
  return loader;
}

export interface PageEntry {
  path: string;
  load: PageLoader;
  /** Who may see it (checked by the page when absent). */
  roles?: readonly Role[];
  data?: PageDataKey;
}

const STAFF: readonly Role[] = ["owner", "therapist", "front_desk"];
const CLIENT: readonly Role[] = ["client"];

export const PUBLIC_PAGES: readonly PageEntry[] = [
  // The landing page is a chunk of its own too, so the finder and atlas do not carry it.
  { path: "/", load: remember(() => import("../public/LandingPage")) },
  // Forms check input with the API's zod schemas: their own chunks keep zod off the landing page.
  { path: "/sign-in", load: remember(() => import("../auth/SignInPage")) },
  { path: "/sign-up", load: remember(() => import("../auth/SignUpPage")) },
  { path: "/invite/:token", load: remember(() => import("../auth/AcceptInvitePage")) },
  // Two-factor and password reset: small chunks of their own, outside the query cache.
  { path: "/sign-in/two-factor", load: remember(() => import("../auth/TwoFactorVerifyPage")) },
  { path: "/two-factor/setup", load: remember(() => import("../auth/TwoFactorSetupPage")) },
  { path: "/forgot-password", load: remember(() => import("../auth/ForgotPasswordPage")) },
  { path: "/reset-password", load: remember(() => import("../auth/ResetPasswordPage")) },
  // Public pages, each its own small chunk (bench/web-size.bench.ts weighs them).
  { path: "/finder", load: remember(() => import("../finder/FinderPage")) },
  { path: "/atlas", load: remember(() => import("../atlas/AtlasIndexPage")) },
  { path: "/atlas/:muscleId", load: remember(() => import("../atlas/MusclePage")) },
  // A clinic's public page (profile, prices, hours, Book): a small chunk without the query cache.
  { path: "/c/:slug", load: remember(() => import("../public/ClinicPage")) },
  // A clinic's own sign-up address, for installations with several clinics.
  { path: "/c/:slug/sign-up", load: remember(() => import("../auth/SignUpPage")) },
  // The first-run page: used once per installation, so it never weighs on the other pages.
  { path: "/setup", load: remember(() => import("../setup/SetupPage")) },
];

/** Pages that read the query cache (app/QueryLayout): the signed-in pages, and online booking. */
export const CACHED_PAGES: readonly PageEntry[] = [
  // Online booking starts signed out too, on a phone: its own chunk, with the query cache.
  { path: "/book", load: remember(() => import("../booking/BookingPage")) },
  { path: "/c/:slug/book", load: remember(() => import("../booking/BookingPage")) },
  { path: "/app", load: remember(() => import("../home/HomePage")), data: "home" },
  {
    path: "/app/clients",
    roles: STAFF,
    load: remember(() => import("../clients/ClientsPage")),
    data: "clients",
  },
  {
    path: "/app/clients/:id",
    roles: STAFF,
    load: remember(() => import("../clients/ClientPage")),
    data: "client",
  },
  {
    path: "/app/team",
    // A therapist sees only their own public bio there.
    roles: ["owner", "front_desk", "therapist"],
    load: remember(() => import("../team/TeamPage")),
    data: "team",
  },
  {
    path: "/app/calendar",
    roles: STAFF,
    load: remember(() => import("../calendar/CalendarPage")),
    data: "calendar",
  },
  {
    path: "/app/requests",
    roles: ["owner", "front_desk"],
    load: remember(() => import("../requests/RequestsPage")),
    data: "requests",
  },
  {
    path: "/app/settings",
    roles: ["owner"],
    load: remember(() => import("../settings/SettingsPage")),
    data: "settings",
  },
  // The owner or a therapist filling in a client's intake for them, by phone.
  {
    path: "/app/clients/:id/intake",
    roles: ["owner", "therapist"],
    load: remember(() => import("../intake/StaffIntakeEntryPage")),
  },
  {
    path: "/app/intake",
    roles: CLIENT,
    load: remember(() => import("../intake/IntakePage")),
    data: "intake",
  },
  {
    path: "/app/consent",
    roles: CLIENT,
    load: remember(() => import("../consent/ConsentPage")),
    data: "consent",
  },
  // The client's care (F7): plan, aftercare, home care, pain diary, progress (plans/CarePages.tsx).
  {
    path: "/app/care/:page",
    roles: CLIENT,
    load: remember(() => import("../plans/CarePages")),
    data: "care",
  },
  { path: "/app/consent/edit", roles: ["owner"], load: remember(() => import("../consent/ConsentEditor")) },
  { path: "/app/audit", roles: ["owner"], load: remember(() => import("../audit/AuditPage")) },
  { path: "/app/messages", load: remember(() => import("../messages/MessagesPage")) },
  {
    path: "/app/erasure-requests",
    roles: ["owner"],
    load: remember(() => import("../erasure/ErasureRequestsPage")),
  },
  { path: "/app/account", load: remember(() => import("../account/AccountPage")) },
  {
    path: "/app/reports",
    roles: ["owner", "therapist"],
    load: remember(() => import("../reports/ReportsPage")),
  },
  {
    path: "/app/chart/:appointmentId",
    roles: ["owner", "therapist"],
    load: remember(() => import("../chart/ChartPage")),
  },
];

const EVERYONE: readonly Role[] = [...STAFF, ...CLIENT];

/** The page entry for a path, with its parameters (`/app/clients/:id` → `{ id }`). */
export function findPage(pathname: string) {
  for (const page of [...PUBLIC_PAGES, ...CACHED_PAGES]) {
    const match = matchPath({ path: page.path, end: true }, pathname);
    if (match) return { page, params: match.params };
  }
  return null;
}

export const loadQueryLayout = remember(() => import("./QueryLayout"));

/**
 * Starts what a page needs: its code, and its first data for someone allowed to see it. Resolves
 * when the code has loaded (or failed).
 */
export function preloadPath(to: string): Promise<unknown> {
  const url = new URL(to, window.location.origin);
  const found = findPage(url.pathname);
  if (!found) return Promise.resolve();
  const { page, params } = found;
  const code = Promise.all([page.load(), CACHED_PAGES.includes(page) ? loadQueryLayout() : null]).catch(
    () => undefined,
  );
  if (!page.data) return code;
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
  return code;
}
