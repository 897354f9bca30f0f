import fc from 'fast-check';

/**
 * Generators of hostile webhook requests for the fuzz scenario: Ashby-shaped envelopes whose fields hold
 * wrong types, huge strings, control characters and NUL, then byte-level damage (deep nesting, poisoned
 * keys, invalid UTF-8, truncation), sent signed or not, with odd content types and connection ids.
 */
const ACTIONS = [
  'candidateHire',
  'applicationUpdate',
  'candidateStageChange',
  'offerCreate',
  'offerUpdate',
  'offerDelete',
  'pushToHRIS',
  'ping',
  'surveySubmit',
];
const NASTY = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\uffff',
  '\u202e',
  '%00',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '{{7*7}}',
  ' ',
  '',
];

const hostileString = fc.oneof(
  { arbitrary: fc.string(), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.constantFrom(...NASTY), weight: 3 },
  { arbitrary: fc.uuid(), weight: 2 },
  // Long enough to exceed index row limits (PostgreSQL's is about 2.7 kB) or the 1 MiB body limit.
  { arbitrary: fc.integer({ min: 2_000, max: 1_100_000 }).map((n) => 'x'.repeat(n)), weight: 1 },
);

const scalar = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const anyValue = fc.oneof(
  { arbitrary: scalar, weight: 4 },
  { arbitrary: fc.array(scalar, { maxLength: 4 }), weight: 1 },
  { arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 4 }), weight: 1 },
);
const idLike = fc.oneof({ arbitrary: fc.uuid(), weight: 3 }, { arbitrary: anyValue, weight: 2 });

const application = fc.record(
  {
    id: idLike,
    status: fc.oneof(fc.constantFrom('Hired', 'Active', 'Archived', 'Lead'), anyValue),
    candidate: fc.oneof(fc.record({ id: idLike, name: hostileString }, { requiredKeys: [] }), anyValue),
    updatedAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      anyValue,
    ),
  },
  { requiredKeys: [] },
);

const envelope = fc.record(
  {
    webhookActionId: idLike,
    action: fc.oneof(
      { arbitrary: fc.constantFrom(...ACTIONS), weight: 3 },
      { arbitrary: anyValue, weight: 2 },
    ),
    data: fc.oneof(
      {
        arbitrary: fc.record({ application, offer: anyValue, applicationId: idLike }, { requiredKeys: [] }),
        weight: 3,
      },
      { arbitrary: anyValue, weight: 1 },
    ),
  },
  { requiredKeys: [] },
);

type Damage =
  | { kind: 'none' }
  | { kind: 'deep'; depth: number; arrays: boolean }
  | { kind: 'poison'; key: string }
  | { kind: 'bytes'; at: number; bytes: number[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'raw'; bytes: Uint8Array };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  { arbitrary: fc.constant<Damage>({ kind: 'none' }), weight: 4 },
  {
    arbitrary: fc.record({
      kind: fc.constant('deep' as const),
      depth: fc.integer({ min: 50, max: 300_000 }),
      arrays: fc.boolean(),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('poison' as const),
      key: fc.constantFrom(
        '"__proto__":{"polluted":true}',
        '"constructor":{"prototype":{"polluted":true}}',
        '"\\u005f_proto__":{"polluted":true}',
      ),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('bytes' as const),
      at: fc.nat(),
      bytes: fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 4 }),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('raw' as const), bytes: fc.uint8Array({ maxLength: 300 }) }),
    weight: 1,
  },
);

function applyDamage(json: string, d: Damage): Buffer {
  switch (d.kind) {
    case 'none':
      return Buffer.from(json, 'utf8');
    case 'deep': {
      const [open, close] = d.arrays ? ['[', ']'] : ['{"a":', '}'];
      return Buffer.from(
        `{"action":"candidateHire","data":{"application":${open.repeat(d.depth)}1${close.repeat(d.depth)}}}`,
        'utf8',
      );
    }
    case 'poison':
      return Buffer.from(
        json.startsWith('{') && json.length > 2 ? `{${d.key},${json.slice(1)}` : `{${d.key}}`,
        'utf8',
      );
    case 'bytes': {
      const buf = Buffer.from(json, 'utf8');
      const at = buf.length === 0 ? 0 : d.at % buf.length;
      return Buffer.concat([buf.subarray(0, at), Buffer.from(d.bytes), buf.subarray(at)]);
    }
    case 'truncate': {
      const buf = Buffer.from(json, 'utf8');
      return buf.subarray(0, buf.length === 0 ? 0 : d.at % buf.length);
    }
    case 'raw':
      return Buffer.from(d.bytes);
  }
}

export interface HostileRequest {
  readonly body: Buffer;
  /** Sign the body with the connection's Secret Token ('valid'), a wrong secret, garbage, or not at all. */
  readonly signature: 'valid' | 'wrong-secret' | 'garbage' | 'none';
  readonly garbageSignature: string;
  readonly contentType: string | undefined;
  /** Send to the real connection's URL, or to this (URL-encoded) id. */
  readonly connectionId: string | null;
}

export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.record({
  body: fc.tuple(envelope, damage).map(([e, d]) => applyDamage(JSON.stringify(e), d)),
  signature: fc.constantFrom('valid', 'valid', 'valid', 'wrong-secret', 'garbage', 'none'),
  // Header values must be sendable at all: Node refuses control characters in them before any server sees them.
  garbageSignature: fc
    .oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.stringMatching(/^sha256=[0-9a-fA-F]{0,70}$/))
    .map((s) => s.replace(/[^\t\x20-\x7e]/g, '?')),
  contentType: fc.constantFrom(
    'application/json',
    'application/json',
    'text/plain',
    'application/json; charset=latin1',
    'multipart/form-data; boundary=x',
    undefined,
  ),
  connectionId: fc.oneof(
    { arbitrary: fc.constant(null), weight: 9 },
    { arbitrary: hostileString.filter((s) => s.length < 500), weight: 1 },
  ),
});
