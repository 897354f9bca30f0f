/** The one line that hands the first-run setup link to whoever started HireBridge. */
export const setupLinkLine = (url: string) =>
  `HireBridge setup: open ${url} to create the first admin (valid 24 hours, single use)\n`;

/**
 * Prints the setup link on stdout with process.stdout.write, deliberately not through the logger: the
 * link is a credential (it creates an admin), and log pipelines ship, index and keep log lines where
 * more people can read them than the terminal (or service journal) of whoever started the server.
 */
export function printSetupLink(url: string): void {
  process.stdout.write(setupLinkLine(url));
}
