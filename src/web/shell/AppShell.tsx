import { lazy, type ReactNode, Suspense, useEffect, useLayoutEffect, useRef, useState } from "react";
import { Link, NavLink, useLocation } from "react-router";
import { useSession } from "../auth/session";
import { navigationFor, PUBLIC_NAVIGATION } from "./navigation";
import { prefetchOnIntent } from "./prefetch";

// The account menu (Radix) only matters once signed in; loading it lazily keeps public pages light.
const UserMenu = lazy(() => import("./UserMenu"));

function Logo() {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="#1f5f5b" />
      <path
        d="M9 16c0-4 3-7 7-7s7 3 7 7-3 7-7 7"
        fill="none"
        stroke="#fff"
        strokeWidth="3"
        strokeLinecap="round"
      />
      <circle cx="16" cy="16" r="2.5" fill="#f39c4a" />
    </svg>
  );
}

/**
 * Publishes the sticky header's height as --kw-header-height, so anything the page scrolls to (a link
 * to #id, a heading given focus) stops below the header instead of under it (global.css).
 */
function useHeaderHeight() {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const header = ref.current;
    if (!header) return;
    const publish = () =>
      document.documentElement.style.setProperty("--kw-header-height", `${header.offsetHeight}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(header);
    return () => observer.disconnect();
  }, []);
  return ref;
}

export function AppShell({ children }: { children: ReactNode }) {
  const headerRef = useHeaderHeight();
  const { session, context } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  // On a phone the menu is a drop-down; close it once a link has taken the reader somewhere. Not
  // when the page it was opened on finishes loading: a navigation waiting for a page's code still
  // shows the previous location here, and the address bar holds where the reader is.
  const openedOn = useRef<string | null>(null);
  useEffect(() => {
    if (pathname !== openedOn.current) setMenuOpen(false);
  }, [pathname]);
  // A session still owing its second factor can open no staff page: no menu of them yet, only the
  // user menu (to sign out).
  const items = session && !session.twoFactor?.pending ? navigationFor(context?.role) : [];
  return (
    <>
      <a className="kw-skip-link" href="#main">
        Skip to content
      </a>
      <header className="kw-header" ref={headerRef}>
        <div className={`kw-container kw-header__bar${session ? " kw-header__bar--two-rows" : ""}`}>
          <Link to={session ? "/app" : "/"} className="kw-brand">
            <Logo />
            <span>Knotwork</span>
            {context ? <span className="kw-brand__clinic">{context.clinicName}</span> : null}
          </Link>
          <span className="kw-spacer" />
          <button
            type="button"
            className="kw-button kw-button--ghost kw-nav-toggle"
            aria-expanded={menuOpen}
            aria-controls="kw-nav"
            onClick={() => {
              openedOn.current = window.location.pathname;
              setMenuOpen((open) => !open);
            }}
          >
            Menu
          </button>
          <nav id="kw-nav" className="kw-nav" aria-label="Main" data-open={menuOpen}>
            {items.map((item) => (
              <NavLink key={item.to} to={item.to} end={item.to === "/app"} {...prefetchOnIntent(item.to)}>
                {item.label}
              </NavLink>
            ))}
            {PUBLIC_NAVIGATION.map((item) => (
              <NavLink key={item.to} to={item.to}>
                {item.label}
              </NavLink>
            ))}
            {session ? null : (
              <>
                <NavLink to="/sign-in">Sign in</NavLink>
                <NavLink to="/sign-up">Create account</NavLink>
              </>
            )}
          </nav>
          {session ? (
            <Suspense fallback={null}>
              <UserMenu />
            </Suspense>
          ) : null}
        </div>
      </header>
      <main id="main" className="kw-main" tabIndex={-1}>
        <div className="kw-container">{children}</div>
      </main>
      <footer className="kw-footer">
        <div className="kw-container kw-row">
          <span>Knotwork: open-source software for trigger point therapy.</span>
          <span className="kw-spacer" />
          <span>Information here is not a diagnosis. For severe or unusual pain, see a doctor.</span>
        </div>
      </footer>
    </>
  );
}
