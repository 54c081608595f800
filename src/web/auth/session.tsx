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
  /**
   * True once this tab has signed out on purpose. Guarded pages then send the person home rather
   * than to the sign-in page: the guard re-renders as soon as the session is gone, and without this
   * it could win the race against the menu's own navigation home.
   */
  signedOut: boolean;
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

/**
 * The page's one session request, shared by the provider and the route loaders (which need the role
 * to fetch a page's data while its code loads), and replaced when someone signs in or out.
 */
let sessionRequest: Promise<SessionResponse | null> | null = null;
/** Set once the request has answered, so a page rendered after that starts without "Loading…". */
let knownSession: { value: SessionResponse | null } | null = null;

export function currentSession(): Promise<SessionResponse | null> {
  sessionRequest ??= fetchSession()
    .catch(() => null)
    .then((value) => {
      knownSession = { value };
      return value;
    });
  return sessionRequest;
}

function rememberSession(value: SessionResponse | null): void {
  knownSession = { value };
  sessionRequest = Promise.resolve(value);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionResponse | null>(() => knownSession?.value ?? null);
  const [loading, setLoading] = useState(() => knownSession === null);
  const [signedOut, setSignedOut] = useState(false);

  useEffect(() => {
    let live = true;
    void currentSession().then((found) => {
      if (!live) return;
      setSession(found);
      setLoading(false);
    });
    return () => {
      live = false;
    };
  }, []);

  const value = useMemo<SessionState>(() => {
    const replace = (next: SessionResponse | null, bySignOut = false) => {
      setSignedOut(bySignOut);
      setCsrfToken(next?.csrfToken ?? null);
      rememberSession(next);
      announceIdentityChange();
      setSession(next);
    };
    return {
      loading,
      session,
      context: session?.context ?? null,
      signedOut,
      adopt: (next) => replace(next),
      async signOut() {
        try {
          await post("/api/auth/logout");
        } finally {
          replace(null, true);
        }
      },
      async switchContext(clinicId, role) {
        replace(await post<SessionResponse>("/api/auth/context", { clinicId, role }));
      },
    };
  }, [loading, session, signedOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside SessionProvider");
  return state;
}
