/**
 * The signed-in session, kept without TanStack Query so that public pages (finder, atlas, sign-in)
 * load only React and the router. Signed-in pages get their query cache from app/QueryLayout, which
 * listens for `onIdentityChange` and forgets everything fetched as the previous person or role.
 */
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { AuthContext, SessionResponse } from "../../core/api/auth";
import { ApiError, get, post, setCsrfToken } from "../api/client";

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

const identityListeners = new Set<() => void>();
/** Called whenever the person or role changes: caches of their data must be dropped. */
export function onIdentityChange(listener: () => void): () => void {
  identityListeners.add(listener);
  return () => identityListeners.delete(listener);
}
function announceIdentityChange(): void {
  for (const listener of identityListeners) listener();
}

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

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionResponse | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    fetchSession()
      .catch(() => null)
      .then((found) => {
        if (!live) return;
        setSession(found);
        setLoading(false);
      });
    return () => {
      live = false;
    };
  }, []);

  const value = useMemo<SessionState>(() => {
    const replace = (next: SessionResponse | null) => {
      setCsrfToken(next?.csrfToken ?? null);
      announceIdentityChange();
      setSession(next);
    };
    return {
      loading,
      session,
      context: session?.context ?? null,
      adopt: replace,
      async signOut() {
        try {
          await post("/api/auth/logout");
        } finally {
          replace(null);
        }
      },
      async switchContext(clinicId, role) {
        replace(await post<SessionResponse>("/api/auth/context", { clinicId, role }));
      },
    };
  }, [loading, session]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside SessionProvider");
  return state;
}
