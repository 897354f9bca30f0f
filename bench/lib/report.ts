/** The table printed at the end of a run: each headline figure beside its target. */
export interface Row {
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  /** true / false against the target, undefined when there is no target (reported for comparison). */
  readonly met: boolean | undefined;
}

const fmt = (value: unknown, digits = 2): string =>
  typeof value === 'number' && Number.isFinite(value) ? String(Number(value.toFixed(digits))) : 'n/a';

type Json = Record<string, unknown>;
const at = (obj: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Json)[k] : undefined), obj);
const num = (obj: unknown, ...path: string[]): number => {
  const v = at(obj, ...path);
  return typeof v === 'number' ? v : Number.NaN;
};
const check = (value: number, ok: (v: number) => boolean): boolean | undefined =>
  Number.isFinite(value) ? ok(value) : undefined;

/** `fromSource`: HireBridge ran through tsx, whose loader adds about 60 MB of RSS (the full run builds). */
export function headlineRows(results: Json, fromSource = false): Row[] {
  const rows: Row[] = [];
  const intake = results['intake'];
  if (intake) {
    const base = num(intake, 'baseline', 'reqPerSec');
    const baseCpu = num(intake, 'baseline', 'serverCpuUsPerReq');
    rows.push({
      figure: 'Intake baseline (bare Fastify route): req/s, CPU per request',
      value: `${fmt(base, 0)} req/s, ${fmt(baseCpu, 0)} us`,
      target: '(reference)',
      met: undefined,
    });
    const ratioTargets = { sqlite: 0.5, postgres: 0.35 } as const;
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const ratio = num(intake, dialect, 'ratioToBaseline');
      const cpu = num(intake, dialect, 'serverCpuUsPerReq');
      rows.push({
        figure: `Intake ${dialect}: req/s vs baseline (CPU per request)`,
        value: `${fmt(ratio, 3)} (${fmt(num(intake, dialect, 'reqPerSec'), 0)} req/s; ${fmt(cpu, 0)} us = ${fmt(cpu / baseCpu, 1)}x baseline)`,
        target: `>= ${ratioTargets[dialect].toFixed(2)}`,
        met: check(ratio, (v) => v >= ratioTargets[dialect]),
      });
    }
    const rates = at(intake, 'settings', 'openRatesPerSec');
    for (const rate of Array.isArray(rates) ? (rates as number[]) : []) {
      for (const dialect of ['sqlite', 'postgres', 'baseline'] as const) {
        const open = at(intake, dialect, 'open', String(rate));
        const p99 = num(open, 'p99Ms');
        const sqliteTarget = dialect === 'sqlite' && rate === 500;
        rows.push({
          figure: `Intake ${dialect}: p50 / p99 at ${fmt(rate, 0)} req/s`,
          value: `${fmt(num(open, 'p50Ms'), 1)} / ${fmt(p99, 1)} ms (${fmt(num(open, 'achievedReqPerSec'), 0)} req/s done)`,
          target: sqliteTarget ? 'p99 < 25 ms' : '(none)',
          met: sqliteTarget ? check(p99, (v) => v < 25) : undefined,
        });
      }
    }
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const stored = at(intake, dialect, 'stored');
      rows.push({
        figure: `Intake ${dialect}: acknowledged deliveries stored`,
        value: `${fmt(num(stored, 'acknowledged') - num(stored, 'missing'), 0)} of ${fmt(num(stored, 'acknowledged'), 0)}`,
        target: 'all',
        met: at(stored, 'ok') === true,
      });
    }
  }
  const latency = results['latency'];
  if (latency) {
    const rtt = num(latency, 'perCallLatencyMs');
    rows.push({
      figure: `Hire latency p50 (RTT = ${fmt(rtt, 0)} ms)`,
      value: `${fmt(num(latency, 'p50Rtts'))} RTTs (${fmt(num(latency, 'p50Ms'), 0)} ms)`,
      target: '<= 3 RTTs',
      met: check(num(latency, 'p50Rtts'), (v) => v <= 3),
    });
    rows.push({
      figure: 'Hire latency p99',
      value: `${fmt(num(latency, 'p99Rtts'))} RTTs (${fmt(num(latency, 'p99Ms'), 0)} ms)`,
      target: '(none)',
      met: undefined,
    });
  }
  const ashby = results['ashby'];
  if (ashby) {
    rows.push({
      figure: 'Ashby calls per hire, warm',
      value: fmt(num(ashby, 'callsPerHireWarm')),
      target: '<= 5',
      met: check(num(ashby, 'callsPerHireWarm'), (v) => v <= 5),
    });
    rows.push({
      figure: 'Ashby calls per hire, cold',
      value: fmt(num(ashby, 'callsPerHireCold')),
      target: '(none)',
      met: undefined,
    });
  }
  const workers = results['workers'];
  if (workers) {
    rows.push({
      figure: `Scale-out on PostgreSQL: import jobs/s, 2 workers vs 1 (${fmt(num(workers, 'hires'), 0)} hires)`,
      value: `${fmt(num(workers, 'ratio'), 2)} (${fmt(num(workers, 'twoWorkersJobsPerSecond'), 1)} vs ${fmt(num(workers, 'oneWorkerJobsPerSecond'), 1)} jobs/s)`,
      target: '(none)',
      met: undefined,
    });
  }
  const backfill = results['backfill'];
  if (backfill) {
    rows.push({
      figure: `Backfill: share of the rate limit (${fmt(num(backfill, 'hires'), 0)} hires)`,
      value: `${fmt(num(backfill, 'fractionOfLimit'), 3)} (${fmt(num(backfill, 'hiresPerMinute'), 0)} of ${fmt(num(backfill, 'maxHiresPerMinute'), 0)} hires/min)`,
      target: '>= 0.85',
      met: check(num(backfill, 'fractionOfLimit'), (v) => v >= 0.85),
    });
    rows.push({
      figure: 'Backfill: HTTP 429s met',
      value: fmt(num(backfill, 'http429'), 0),
      target: '0',
      met: check(num(backfill, 'http429'), (v) => v === 0),
    });
  }
  const pushes = results['pushes'];
  if (pushes) {
    for (const type of ['hibob', 'humaans', 'peopleforce', 'charthop']) {
      rows.push({
        figure: `Pushes to ${type}: share of its rate limit (${fmt(num(pushes, 'members'), 0)} members, ${fmt(num(pushes, type, 'limitPerMinute'), 0)} calls/min)`,
        value: `${fmt(num(pushes, type, 'ratio'), 3)} (${fmt(num(pushes, type, 'pushesPerMinute'), 1)} pushes/min, ${fmt(num(pushes, type, 'limitedCallsPerPush'), 1)} calls each; ${fmt(num(pushes, type, 'http429'), 0)} x 429, ${fmt(num(pushes, type, 'notDelivered'), 0)} not delivered)`,
        target: '(none)',
        met: undefined,
      });
    }
  }
  const memory = results['memory'];
  if (memory) {
    rows.push({
      figure: fromSource ? 'Memory: idle RSS (via tsx: +~60 MB)' : 'Memory: idle RSS',
      value: `${fmt(num(memory, 'idleRssMb'), 0)} MB`,
      target: '< 150 MB',
      met: check(num(memory, 'idleRssMb'), (v) => v < 150),
    });
    rows.push({
      figure: fromSource
        ? 'Memory: peak RSS (intake, backfill; via tsx)'
        : 'Memory: peak RSS (intake, backfill)',
      value: `${fmt(num(memory, 'peakRssMb'), 0)} MB (${fmt(num(memory, 'intakePeakRssMb'), 0)}, ${fmt(num(memory, 'backfillPeakRssMb'), 0)})`,
      target: '(none)',
      met: undefined,
    });
  }
  return rows;
}

export function renderTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [
    r.figure,
    r.value,
    r.target,
    r.met === undefined ? '' : r.met ? 'met' : 'MISSED',
  ]);
  const header = ['Figure', 'Value', 'Target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) => `| ${c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
