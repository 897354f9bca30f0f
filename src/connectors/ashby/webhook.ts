import { createHmac, timingSafeEqual } from 'node:crypto';
import { offerSchema, type Offer } from './schemas.js';

/**
 * Ashby webhook signature check and parsing (ashby-api.md §2.2–2.3, reliability.md §1.2–1.4).
 * Both functions take the raw request bytes and never throw, whatever arrives: the route maps their
 * results to 401 / 2xx-and-quarantine, and an exception would turn hostile input into a 500.
 */

export type SignatureResult =
  { readonly ok: true } | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'mismatch' };

/**
 * Exactly `sha256=` followed by 64 lowercase hex digits. Uppercase hex is rejected as malformed: Ashby
 * documents and sends lowercase, reliability.md §6.1 (W1) lists uppercase among the invalid vectors, and a
 * single canonical form keeps the parse exact — there is no legitimate sender we would turn away.
 */
const SIGNATURE_HEADER = /^sha256=([0-9a-f]{64})$/;

export function verifyAshbySignature(
  rawBody: Buffer,
  header: string | undefined,
  secret: string,
): SignatureResult {
  try {
    if (typeof header !== 'string' || header.length === 0) return { ok: false, reason: 'missing' };
    const match = SIGNATURE_HEADER.exec(header);
    const hex = match?.[1];
    if (hex === undefined) return { ok: false, reason: 'malformed' };
    // Fail closed: an empty secret would make the HMAC guessable. Config refuses it at startup too.
    if (typeof secret !== 'string' || secret.length === 0 || !isBytes(rawBody))
      return { ok: false, reason: 'mismatch' };
    // Compare raw 32-byte digests, not hex strings: both buffers have the same length by construction,
    // so timingSafeEqual cannot throw, and the comparison time does not depend on where they differ.
    const received = Buffer.from(hex, 'hex');
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    return timingSafeEqual(received, expected) ? { ok: true } : { ok: false, reason: 'mismatch' };
  } catch {
    return { ok: false, reason: 'mismatch' };
  }
}

function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

// ---------- Parsing ----------

export interface AshbyWebhookEvent {
  /** Stable across Ashby's retries and fan-out; the delivery's dedupe key. Null when absent (pings). */
  readonly webhookActionId: string | null;
  /** Event name, e.g. "candidateHire". Unknown actions are passed through, not rejected. */
  readonly action: string;
  readonly applicationId: string | null;
  /** A full offer when the payload carries one that matches the wire schema (candidateHire, offerCreate/Update). */
  readonly offer: Offer | null;
  readonly candidateId: string | null;
  /** candidateMerge: the candidate Ashby deleted in the merge (`candidateId` is the survivor). */
  readonly formerCandidateId: string | null;
}

export type WebhookParseFailure =
  | 'invalid_utf8'
  | 'invalid_json'
  /** `__proto__`, or `constructor` holding `prototype`: rejected as secure-json-parse does. */
  | 'forbidden_key'
  | 'not_an_object'
  /** Not `{action: string, data: object, webhookActionId?: string}`. */
  | 'invalid_envelope';

export type WebhookParseResult =
  | { readonly ok: true; readonly event: AshbyWebhookEvent }
  | { readonly ok: false; readonly reason: WebhookParseFailure };

class ForbiddenKey extends Error {}

/**
 * `secure-json-parse` semantics without the dependency (it is only a transitive dependency of Fastify
 * here): `JSON.parse` with a reviver that rejects a `__proto__` key and a `constructor` key whose value has
 * a `prototype` key. A reviver sees every key after escape decoding, so `"\u005f_proto__"` is caught too,
 * which a text search would miss. `JSON.parse` itself creates such keys as inert own properties; the
 * danger is later code (or a schema library) copying them onto an object, so we refuse them outright.
 */
function rejectPoisonedKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new ForbiddenKey();
  if (
    key === 'constructor' &&
    value !== null &&
    typeof value === 'object' &&
    Object.hasOwn(value, 'prototype')
  ) {
    throw new ForbiddenKey();
  }
  return value;
}

/**
 * Whether the text could hold a poisoned key: one spelled out, or one behind a \u escape (a key can be
 * written only as a string, and the only way to hide its letters there is \uXXXX). Only such text pays
 * for the reviver, which calls back for every value (about 15 % of the intake's CPU when it ran on
 * every delivery, bench/); the rest cannot contain the keys, so a plain JSON.parse is as safe.
 */
const MAY_HOLD_POISONED_KEY = /__proto__|constructor|\\u/;

export interface ParseOptions {
  /**
   * Validate `data.offer` against the wire schema (default true). The intake does not need the offer
   * and skips it: it only stores the delivery and queues the import, which reads the offer from Ashby.
   */
  readonly offer?: boolean;
}

/** One decoder for every call: `decode()` without `stream` keeps no state between calls. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function parseAshbyWebhook(rawBody: Buffer, options: ParseOptions = {}): WebhookParseResult {
  let text: string;
  try {
    text = UTF8.decode(rawBody);
  } catch {
    return { ok: false, reason: 'invalid_utf8' };
  }
  let json: unknown;
  try {
    json = MAY_HOLD_POISONED_KEY.test(text) ? JSON.parse(text, rejectPoisonedKeys) : JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: err instanceof ForbiddenKey ? 'forbidden_key' : 'invalid_json' };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, reason: 'not_an_object' };
  const envelope = readEnvelope(json as Record<string, unknown>);
  if (envelope === undefined) return { ok: false, reason: 'invalid_envelope' };
  const { action, data, webhookActionId } = envelope;
  if (!ACTION_NAME.test(action) || (webhookActionId !== null && !isIdLike(webhookActionId)))
    return { ok: false, reason: 'invalid_envelope' };
  return {
    ok: true,
    event: {
      webhookActionId,
      action,
      applicationId: applicationIdOf(data),
      offer: options.offer === false ? null : offerOf(data),
      candidateId: candidateIdOf(data),
      formerCandidateId: stringAt(data, 'deletedCandidate', 'id'),
    },
  };
}

/**
 * Ashby's envelope, `{action: string, data: object, webhookActionId?: string | null}`, checked by hand: the three fields are all the intake reads, and a schema parse copied `data` whole.
 */
function readEnvelope(
  json: Record<string, unknown>,
): { action: string; data: Record<string, unknown>; webhookActionId: string | null } | undefined {
  const { action, data, webhookActionId } = json;
  if (typeof action !== 'string') return undefined;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  if (webhookActionId !== undefined && webhookActionId !== null && typeof webhookActionId !== 'string')
    return undefined;
  return { action, data: data as Record<string, unknown>, webhookActionId: webhookActionId ?? null };
}

/*
 * Ids are read by position, not per action, so events we do not list (or new ones) still yield what
 * they carry, and a payload whose `application` differs from the wire schema in some unrelated field is
 * still a usable trigger: the import job re-fetches everything from the API anyway (reliability.md §1.4).
 */

function applicationIdOf(data: Record<string, unknown>): string | null {
  return (
    stringAt(data, 'application', 'id') ??
    stringAt(data, 'offer', 'applicationId') ??
    stringAt(data, 'applicationId') ??
    stringAt(data, 'interviewSchedule', 'applicationId') ??
    stringAt(data, 'surveySubmission', 'applicationId')
  );
}

function candidateIdOf(data: Record<string, unknown>): string | null {
  return (
    stringAt(data, 'application', 'candidate', 'id') ??
    stringAt(data, 'candidate', 'id') ??
    stringAt(data, 'mergedCandidate', 'id') ??
    stringAt(data, 'interviewSchedule', 'candidateId') ??
    stringAt(data, 'surveySubmission', 'candidateId')
  );
}

/** The offer when it matches the wire schema; an offerDelete stub or a malformed offer gives null. */
function offerOf(data: Record<string, unknown>): Offer | null {
  if (!Object.hasOwn(data, 'offer')) return null;
  const parsed = offerSchema.safeParse(data['offer']);
  return parsed.success ? parsed.data : null;
}

/**
 * What Ashby's ids and event names look like: ids are UUIDs, actions camelCase words. Anything else in a
 * signed body (a megabyte-long "id", NUL or control characters) is refused or ignored here, before it
 * reaches the database: PostgreSQL text cannot hold NUL, and a btree index entry holds about 2.7 kB, so
 * such values turned a signed delivery into a 500 (found by the hostile-input chaos scenario). The
 * limits are loose on purpose: an id format Ashby may adopt later still passes.
 */
const ACTION_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;
const ID_LIKE = /^[\x21-\x7e]{1,200}$/;

function isIdLike(value: string): boolean {
  return ID_LIKE.test(value);
}

function stringAt(root: unknown, ...path: string[]): string | null {
  let current: unknown = root;
  for (const key of path) {
    if (
      current === null ||
      typeof current !== 'object' ||
      Array.isArray(current) ||
      !Object.hasOwn(current, key)
    ) {
      return null;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' && isIdLike(current) ? current : null;
}
