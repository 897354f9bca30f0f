/**
 * The token of a setup, invite or reset link. Links carry it in the fragment (`/invite#TOKEN`), which
 * browsers never send to the server, so it cannot reach a request log. Links made by older versions
 * carried it in the path (`/invite/TOKEN`) or query (`?token=`): those still work, and the address bar
 * is rewritten to the fragment form so a reload or a shared screenshot does not send or show it again.
 */
export function linkTokenFromLocation(): string {
  const { hash, pathname, search } = window.location;
  const fromHash = decodeURIComponent(hash.replace(/^#/, ''));
  if (fromHash) return fromHash;
  const fromQuery = new URLSearchParams(search).get('token');
  const fromPath = /^\/(?:invite|reset)\/([^/]+)$/.exec(pathname)?.[1];
  const token = fromQuery ?? (fromPath ? decodeURIComponent(fromPath) : '');
  if (token) {
    const base = fromPath ? pathname.slice(0, pathname.lastIndexOf('/')) : pathname;
    window.history.replaceState(window.history.state, '', `${base}#${token}`);
  }
  return token;
}
