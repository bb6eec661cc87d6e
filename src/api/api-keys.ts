import { createHash, randomBytes } from 'node:crypto';
import { type ApiKeyRecord, type ApiScope, scopeAllows } from '../domain/api-access';
import type { ApiKeyStore } from '../store/api-key-store';

/**
 * API keys: `ijbd_<id>_<secret>`, the secret 256 random bits. The table keeps only the
 * SHA-256 of the whole key — enough for a key of that entropy (nothing to brute-force, so no
 * slow hash is needed) and fast enough to check on every request.
 */
const KEY_PATTERN = /^ijbd_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export interface ApiGrant {
  keyId: string;
  name: string;
  scope: ApiScope;
  /** One IJB, or '*' for all. */
  ijb: string;
}

export type Authentication =
  | { ok: true; grant: ApiGrant }
  | { ok: false; status: 401 | 429; detail: string; retryAfter?: number };

export interface RateLimit {
  /** Requests per key per window. */
  limit: number;
  windowSeconds: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 600, windowSeconds: 60 };

/** How long an instance trusts a key it checked in the table: a revoked key stops within this. */
export const DEFAULT_KEY_TRUST_MS = 5_000;

/**
 * Requests counted in the table at once, per key and instance: a sixtieth of the window's
 * limit, at most 10 (600 a minute: one write per 10 requests). Every request served was
 * counted in DynamoDB first, so the limit holds across instances; an instance may hold up to
 * 9 counted but unused, so a key spread over many instances can meet its 429 early, never late.
 */
export function reservationOf(limit: number): number {
  return Math.max(1, Math.min(10, Math.floor(limit / 60)));
}

/** A key this instance checked: until `until`, and for `left` more requests of `windowStart`. */
interface Held {
  grant: ApiGrant;
  keyHash: string;
  windowStart: number;
  left: number;
  until: number;
}

export function createApiKeys(deps: {
  keys: ApiKeyStore;
  clock: () => Date;
  rateLimit?: RateLimit;
  /** 0 checks the table on every request. */
  trustMs?: number;
  /** Monotonic time for the trust window (the register's clock may be fixed to a day). */
  now?: () => number;
}) {
  const { keys, clock } = deps;
  const rate = deps.rateLimit ?? DEFAULT_RATE_LIMIT;
  const trustMs = deps.trustMs ?? DEFAULT_KEY_TRUST_MS;
  const now = deps.now ?? (() => performance.now());
  const reserve = trustMs > 0 ? reservationOf(rate.limit) : 1;
  const held = new Map<string, Held>();

  return {
    async create(input: { name: string; scope: ApiScope; ijb: string; by: string }) {
      const id = randomBytes(8).toString('hex');
      const key = `ijbd_${id}_${randomBytes(32).toString('base64url')}`;
      const record: ApiKeyRecord = {
        id,
        name: input.name,
        scope: input.scope,
        ijb: input.ijb,
        keyHash: hashKey(key),
        createdAt: clock().toISOString(),
        createdBy: input.by,
      };
      if (!(await keys.create(record))) throw new Error('An API key id collided; try again');
      return { key, record };
    },

    list: () => keys.list(),
    revoke: (id: string) => keys.revoke(id, clock().toISOString()),

    /** From the Authorization header to what the caller may do, counting the request. */
    async authenticate(authorization: string | undefined): Promise<Authentication> {
      if (!authorization) {
        return { ok: false, status: 401, detail: 'Send an API key as `Authorization: Bearer <key>`.' };
      }
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!bearer?.[1]) {
        return { ok: false, status: 401, detail: 'The Authorization header must be `Bearer <key>`.' };
      }
      const match = KEY_PATTERN.exec(bearer[1]);
      if (!match?.[1]) {
        return {
          ok: false,
          status: 401,
          detail: 'That is not an IJB Directions API key (they start ijbd_).',
        };
      }
      const at = clock();
      const seconds = Math.floor(at.getTime() / 1000);
      const start = seconds - (seconds % rate.windowSeconds);
      const keyHash = hashKey(bearer[1]);
      // Served from what this instance counted already: same key, same window, still trusted.
      const mine = held.get(match[1]);
      if (
        mine &&
        mine.keyHash === keyHash &&
        mine.windowStart === start &&
        mine.left > 0 &&
        now() < mine.until
      ) {
        mine.left -= 1;
        return { ok: true, grant: mine.grant };
      }
      const use = await keys.use(match[1], keyHash, { start, limit: rate.limit }, at.toISOString(), reserve);
      if (use.kind !== 'ok') held.delete(match[1]);
      if (use.kind === 'unknown') return { ok: false, status: 401, detail: 'This API key is not known.' };
      if (use.kind === 'revoked') {
        return { ok: false, status: 401, detail: `This API key was revoked on ${use.record.revokedAt}.` };
      }
      if (use.kind === 'limited') {
        const retryAfter = start + rate.windowSeconds - seconds;
        return {
          ok: false,
          status: 429,
          retryAfter,
          detail: `This API key has made its ${rate.limit} requests for this ${rate.windowSeconds}-second window; try again in ${retryAfter} s.`,
        };
      }
      const { id, name, scope, ijb } = use.record;
      const grant = { keyId: id, name, scope, ijb };
      // Requests counted beside this one join what is held (concurrent reservations each add theirs).
      const kept = held.get(id);
      const left =
        (kept?.windowStart === start && kept.keyHash === keyHash ? kept.left : 0) + use.counted - 1;
      if (left > 0) {
        if (held.size > 10_000) held.clear(); // a bound on memory, not a policy: re-checked next time
        held.set(id, { grant, keyHash, windowStart: start, left, until: now() + trustMs });
      } else held.delete(id);
      return { ok: true, grant };
    },
  };
}

export type ApiKeys = ReturnType<typeof createApiKeys>;

/** Why a grant may not do something to an IJB, or undefined when it may. */
export function refusalOf(grant: ApiGrant, needed: ApiScope, ijb?: string): string | undefined {
  if (!scopeAllows(grant.scope, needed)) {
    return `The key “${grant.name}” has scope ${grant.scope}; this needs ${needed}.`;
  }
  if (ijb && grant.ijb !== '*' && grant.ijb !== ijb) {
    return `The key “${grant.name}” is for ${grant.ijb}, not ${ijb}.`;
  }
  return undefined;
}
