import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './session';

/** Pages behind sign-in: nobody signed in goes to the sign-in page and comes back afterwards. */
export function RequireSession() {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <p className="loading">Loading…</p>;
  if (user === null) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/**
 * Admin pages: an inbox manager sees why, and the API refuses them anyway (403). A viewer reads them,
 * told that they can change nothing (the controls that would are hidden or disabled; the API refuses).
 */
export function RequireAdmin() {
  const { mayReadAdmin, mayChange } = useSession();
  if (!mayReadAdmin) {
    return (
      <section className="page">
        <h1>Admins only</h1>
        <p role="alert">
          This page needs the admin role. Ask an admin of your HireBridge to change your role.
        </p>
      </section>
    );
  }
  if (!mayChange) {
    return (
      <>
        <p className="notice" role="note">
          You have the viewer role: you can see everything here but change nothing.
        </p>
        <Outlet />
      </>
    );
  }
  return <Outlet />;
}
