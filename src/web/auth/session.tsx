import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import type { AuthContext, SessionResponse } from "../../core/api/auth";
import { ApiError, get, post, setCsrfToken } from "../api/client";

export const SESSION_QUERY_KEY = ["session"] as const;

interface SessionState {
  loading: boolean;
  session: SessionResponse | null;
  context: AuthContext | null;
  /** Store a session returned by sign-in, sign-up or invitation acceptance. */
  adopt(session: SessionResponse): void;
  signOut(): Promise<void>;
  switchContext(clinicId: string, role: AuthContext["role"]): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await get<SessionResponse>("/api/auth/session");
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/**
 * Drops every cached answer but the session itself: data fetched as one person (or role) must never
 * show to the next. `clear()` would also detach the session observer, so it is not used here.
 */
function forgetEverythingButSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: SESSION_QUERY_KEY, queryFn: fetchSession, staleTime: 60_000 });
  const value = useMemo<SessionState>(() => {
    const session = query.data ?? null;
    return {
      loading: query.isPending,
      session,
      context: session?.context ?? null,
      adopt(next) {
        setCsrfToken(next.csrfToken);
        forgetEverythingButSession(queryClient);
        queryClient.setQueryData(SESSION_QUERY_KEY, next);
      },
      async signOut() {
        try {
          await post("/api/auth/logout");
        } finally {
          setCsrfToken(null);
          forgetEverythingButSession(queryClient);
          queryClient.setQueryData(SESSION_QUERY_KEY, null);
        }
      },
      async switchContext(clinicId, role) {
        const next = await post<SessionResponse>("/api/auth/context", { clinicId, role });
        forgetEverythingButSession(queryClient);
        queryClient.setQueryData(SESSION_QUERY_KEY, next);
      },
    };
  }, [query.data, query.isPending, queryClient]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside SessionProvider");
  return state;
}
