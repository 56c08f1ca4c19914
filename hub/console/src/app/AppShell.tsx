import { useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/SessionProvider.tsx';
import { Link } from '../router/Link.tsx';
import { matchRoute } from '../router/matchRoute.ts';
import { useLocation } from '../router/useLocation.ts';
import { TenantSwitcher } from '../tenants/TenantSwitcher.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import { homePath, routes } from './routes.tsx';
import { RouteView } from './RouteView.tsx';

/**
 * The frame around every screen: a top bar (brand, tenant, who is signed in, sign out), the navigation (a
 * sidebar on wide windows, a menu button on narrow ones) and the current screen. After navigating, focus
 * moves to the new screen's heading so keyboard and screen-reader users land on it.
 */
export function AppShell() {
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);

  useEffect(() => {
    // Only a change of screen moves focus: not the first one, and not an effect that merely runs again.
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    setMenuOpen(false);
    const heading = main.current?.querySelector<HTMLElement>('h1');
    (heading ?? main.current)?.focus();
  }, [pathname]);

  return (
    <div className={`shell${menuOpen ? ' menu-open' : ''}`}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <Link to={homePath} className="brand">
          Fleetback
        </Link>
        <div className="topbar-end">
          <TenantSwitcher />
          <UserMenu />
        </div>
      </header>
      <nav id="main-nav" className="sidenav" aria-label="Main">
        <ul>
          {routes
            .filter((r) => r.nav)
            .map((r) => {
              const current = matchRoute(r.path, pathname) !== undefined || pathname.startsWith(`${r.path}/`);
              return (
                <li key={r.path}>
                  <Link to={r.path} aria-current={current ? 'page' : undefined}>
                    {r.nav}
                  </Link>
                </li>
              );
            })}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1} className="content">
        <RouteView />
      </main>
    </div>
  );
}

function UserMenu() {
  const { me } = useTenants();
  const { signOut } = useSession();
  const role = me.hubAdmin ? 'hub administrator' : me.kind === 'token' ? 'API token' : undefined;
  return (
    <span className="user">
      <span className="user-name" title={me.groups.length ? `Groups: ${me.groups.join(', ')}` : undefined}>
        {me.name}
        {role && <span className="user-role"> · {role}</span>}
      </span>
      <button type="button" onClick={() => signOut({ tone: 'info', text: 'You signed out.' })}>
        Sign out
      </button>
    </span>
  );
}
