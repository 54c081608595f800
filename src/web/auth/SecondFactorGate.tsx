/**
 * Sends a session that still owes the second factor to the page that settles it before any signed-in
 * page renders (the server refuses that session everything else anyway: src/server/auth/access.ts).
 */
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { secondFactorPath } from "./second-factor-path";
import { useSession } from "./session";

export function SecondFactorGate({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (location.pathname.startsWith("/app")) {
    const path = secondFactorPath(session, `${location.pathname}${location.search}`);
    if (path) return <Navigate to={path} replace />;
  }
  return <>{children}</>;
}
