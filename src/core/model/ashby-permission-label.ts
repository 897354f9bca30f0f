/** Ashby's modules as its API key screen names them (Admin › Integrations › API keys). */
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

/**
 * A permission as a person finds it on Ashby's API key screen, with the API's name in brackets:
 * `offersRead` → "Offers: Read (offersRead)". A name outside the known modules is returned as it is.
 */
export function ashbyPermissionLabel(name: string): string {
  const match = /^(.+?)(Read|Write|Delete)$/.exec(name);
  const module = match ? MODULES[match[1] ?? ''] : undefined;
  return match && module ? `${module}: ${match[2] ?? ''} (${name})` : name;
}
