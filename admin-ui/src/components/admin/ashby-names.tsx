/**
 * Ashby's words for what HireBridge asks of it. Permission labels repeat the server's rule
 * (src/core/model/ashby-permission-label.ts): the app may import server code as types only.
 */
const MODULES: Readonly<Record<string, string>> = {
  jobs: 'Jobs',
  candidates: 'Candidates',
  interviews: 'Interviews',
  hiringProcessMetadata: 'Hiring Process',
  organization: 'Organization',
  offers: 'Offers',
  apiKeys: 'API Keys',
  approvals: 'Approvals',
  reports: 'Reports',
};

/** `offersRead` → "Offers: Read (offersRead)", as on Ashby's API key screen with the API name after. */
export function permissionLabel(name: string): string {
  const match = /^(.+?)(Read|Write|Delete)$/.exec(name);
  const module = match ? MODULES[match[1] ?? ''] : undefined;
  return match && module ? `${module}: ${match[2] ?? ''} (${name})` : name;
}

/** Whether Ashby, on the internet, cannot reach this address (localhost, 127.x, ::1, 0.0.0.0). */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return (
      host === 'localhost' ||
      host.endsWith('.localhost') ||
      /^127\./.test(host) ||
      host === '::1' ||
      host === '0.0.0.0'
    );
  } catch {
    return false;
  }
}

/** The warning shown while HireBridge's address is one Ashby cannot send webhooks to. */
export function LoopbackWarning({ url }: { readonly url: string }) {
  if (!isLoopbackUrl(url)) return null;
  return (
    <p className="notice">
      HireBridge&apos;s address, <code>{new URL(url).origin}</code>, is a loopback address: Ashby cannot reach
      it, so its webhooks will not arrive. Set <code>PUBLIC_URL</code> to the address Ashby can reach (behind
      your reverse proxy or tunnel) and restart HireBridge; until then, hires arrive only through
      reconciliation.
    </p>
  );
}
