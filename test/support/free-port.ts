import fs from 'node:fs';
import net from 'node:net';

/**
 * Where a known-in-advance port is looked for: below the kernel's ephemeral range, which is where
 * `listen(0)` and every outgoing connection on the machine take their ports from. A port from that
 * range, freed by the check below and bound by a child process a moment later, can be taken in
 * between by any other test server on the machine (CI and shared machines run several suites at
 * once); a chaos installation even frees it on purpose while its server is killed, for seconds.
 * Once another server answered a chaos install's health check in its place (an API token "unknown",
 * chaos soak run 4 of 10 on a loaded machine). Below the range only code that picks ports the same
 * way competes, and the bind check settles that.
 */
function searchRange(): { low: number; high: number } {
  let ephemeralLow = 32_768;
  try {
    const [low] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    if (Number(low) > 0) ephemeralLow = Number(low);
  } catch {
    // Not Linux: the common default stands.
  }
  const high = ephemeralLow - 1;
  return { low: Math.max(1_025, high - 12_000), high };
}

function tryBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A port free on 127.0.0.1 right now, outside the OS's ephemeral range (above), for servers whose
 * public URL must be known before they listen and that keep their port across restarts. Servers that
 * can report the port they got use `listen(0)` instead.
 */
export async function freePort(): Promise<number> {
  const { low, high } = searchRange();
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await tryBind(port)) return port;
  }
  throw new Error(`no free port found between ${low} and ${high} after 200 tries`);
}
