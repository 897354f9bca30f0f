import { useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { useSession } from '../auth/session';

const INBOX_LINKS = [
  { to: '/overview', label: 'Overview' },
  { to: '/new-hires', label: 'New hires' },
  { to: '/members', label: 'Members' },
  { to: '/positions', label: 'Positions' },
  { to: '/pushes', label: 'Failed pushes' },
] as const;

const ADMIN_LINKS = [
  { to: '/integrations', label: 'Integrations' },
  { to: '/destinations', label: 'Destinations' },
  { to: '/mapping', label: 'Mapping' },
  { to: '/users', label: 'Users & recipients' },
  { to: '/deliveries', label: 'Delivery log' },
  { to: '/audit', label: 'Audit log' },
] as const;

/**
 * Navigation, the notification bell and the signed-in user around every signed-in page. On a phone the
 * navigation folds behind a Menu button (CSS decides when the button shows) and folds again on every
 * page change, so a chosen page is not hidden under the menu.
 */
export function AppShell() {
  const { user, mayReadAdmin, signOut } = useSession();
  // The page the menu was opened on: moving to another page closes it, with no effect to sync.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const { pathname } = useLocation();
  const menuOpen = openOn === pathname;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className={menuOpen ? 'sidebar open' : 'sidebar'}>
        <div className="sidebar-head">
          <div className="brand">HireBridge</div>
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setOpenOn(menuOpen ? null : pathname)}
          >
            Menu
          </button>
        </div>
        <nav aria-label="Main" id="main-nav">
          <ul>
            {INBOX_LINKS.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to}>{link.label}</NavLink>
              </li>
            ))}
          </ul>
          {mayReadAdmin && (
            <>
              <p className="nav-section">Admin</p>
              <ul>
                {ADMIN_LINKS.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to}>{link.label}</NavLink>
                  </li>
                ))}
              </ul>
            </>
          )}
        </nav>
      </aside>
      <div className="main-column">
        <header className="topbar">
          <NotificationBell />
          <span className="who">
            <NavLink to="/account" aria-label={`Your account: ${user?.name ?? ''}`}>
              {user?.name}
            </NavLink>{' '}
            <span className="badge">{user?.role === 'inbox' ? 'inbox manager' : user?.role}</span>
          </span>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </header>
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}

function NotificationBell() {
  const unread = useApiQuery<{ count: number }>('/api/v1/notifications/unread-count', {
    refetchIntervalMs: 15_000,
  });
  const count = unread.data?.count ?? 0;
  return (
    <NavLink to="/notifications" className="bell" aria-label={`Notifications, ${String(count)} unread`}>
      {/* An SVG, not an emoji: it looks the same whatever fonts the machine has. */}
      <svg
        aria-hidden="true"
        width="20"
        height="20"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {count > 0 && (
        <span className="count" aria-hidden="true">
          {count}
        </span>
      )}
    </NavLink>
  );
}
