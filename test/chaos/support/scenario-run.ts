import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, inject } from 'vitest';
import type { Dialect } from '../../../src/db/dialects/create-database.js';
import type { HireBridgeProcess } from './hirebridge-process.js';
import { reportScenario, scenarioLine, type Figures } from './scenario-report.js';

/** Anything a scenario starts and must stop: the simulator, an installation, a proxy, an in-process app. */
type Owned = { close(): Promise<void> } | { dispose(): Promise<void> };

/** One scenario on one database: its seeds, what it owns, and what the failure report prints. */
export interface ScenarioRun {
  readonly name: string;
  readonly dialect: Dialect;
  /** The run's seed (CHAOS_SEED); `seed(use)` derives this scenario's seeds from it. */
  readonly chaosSeed: number;
  /** A seed for one use in this scenario, the same on every run with the same CHAOS_SEED. */
  seed(use: string): number;
  /** Stopped after the scenario, passed or failed, last owned first. */
  own<T extends Owned>(resource: T): T;
  /** Notes the step the scenario is at, for the failure report. */
  step(what: string): void;
  /** Notes figures measured so far, for the failure report's scenario line. */
  measured(figures: Figures): void;
  /** Prints and files the scenario's result line (call it before the assertions). */
  report(figures: Figures): void;
}

interface RunState extends ScenarioRun {
  readonly owned: Owned[];
  readonly figures: Figures;
  readonly steps: string[];
}

const TAIL_LINES = 25;

/**
 * Registers the chaos file's scenarios: `begin(name, dialect)` at the start of each test. After each
 * test, a failed scenario prints its seed (with the command that replays it), its scenario line so far,
 * the step it was at and the last lines of its server and worker processes' logs; then everything it
 * owns is stopped, whatever happened (its processes are SIGKILLed and reaped).
 */
export function chaosScenarios(): { begin(name: string, dialect: Dialect): ScenarioRun } {
  let current: RunState | undefined;
  afterEach(async (context) => {
    const run = current;
    current = undefined;
    if (!run) return;
    try {
      if (context.task.result?.state === 'fail') failureReport(run, context.task.file.filepath);
    } finally {
      for (const resource of run.owned.reverse()) {
        await ('dispose' in resource ? resource.dispose() : resource.close()).catch((err: unknown) =>
          console.error(`cleanup after ${run.name} [${run.dialect}] failed:`, err),
        );
      }
    }
  });
  return {
    begin(name, dialect) {
      const chaosSeed = inject('chaosSeed');
      const figures: Figures = {};
      const owned: Owned[] = [];
      const steps: string[] = [];
      current = {
        name,
        dialect,
        chaosSeed,
        owned,
        figures,
        steps,
        seed: (use) => derivedSeed(chaosSeed, name, use),
        own: (resource) => {
          owned.push(resource);
          return resource;
        },
        step: (what) => steps.push(what),
        measured: (more) => Object.assign(figures, more),
        report: (final) => {
          Object.assign(figures, final);
          reportScenario(name, dialect, final);
        },
      };
      return current;
    },
  };
}

/** 32 bits of sha256(seed:scenario:use): independent seeds per use, stable for one CHAOS_SEED. */
function derivedSeed(chaosSeed: number, name: string, use: string): number {
  return createHash('sha256').update(`${chaosSeed}:${name}:${use}`).digest().readUInt32BE(0);
}

function failureReport(run: RunState, file: string): void {
  const relative = path.relative(process.cwd(), file);
  const line = `${scenarioLine(run.name, run.dialect, run.figures)} FAILED (CHAOS_SEED=${run.chaosSeed})`;
  const report = [
    '',
    `== chaos scenario failed: ${run.name} [${run.dialect}] ==`,
    `seed: CHAOS_SEED=${run.chaosSeed}; replay: CHAOS_SEED=${run.chaosSeed} HIREBRIDGE_TEST_DIALECTS=${run.dialect} npm run test:chaos -- ${relative}`,
    `so far: ${line}`,
    `steps: ${run.steps.length > 0 ? run.steps.join(' > ') : '(none noted)'}`,
    ...processLogs(run),
    '',
  ].join('\n');
  console.error(report);
  const figuresFile = inject('chaosFiguresFile');
  if (figuresFile) fs.appendFileSync(figuresFile, `${line}\n`);
}

/**
 * The last lines of the newest server and worker, and of every process that ended without being
 * SIGKILLed by the scenario (a crash, a failed start): the rest were killed on purpose and say nothing new.
 */
function processLogs(run: RunState): string[] {
  const processes = run.owned.flatMap((r) =>
    'processes' in r ? (r as { processes: readonly HireBridgeProcess[] }).processes : [],
  );
  if (processes.length === 0) return ['(this scenario started no HireBridge process)'];
  const newest = new Set(
    (['server', 'worker'] as const).flatMap((role) => processes.filter((p) => p.role === role).slice(-1)),
  );
  const chosen = processes.filter((p) => newest.has(p) || p.endedUnexpectedly);
  return chosen.flatMap((p) => [
    `--- ${p.role} pid ${p.pid} (${p.describeState()}), ${processes.length} processes in all; last ${TAIL_LINES} lines:`,
    p.tail(TAIL_LINES) || '(no output)',
  ]);
}
