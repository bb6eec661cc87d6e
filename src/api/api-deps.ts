import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'hono';
import type { PaperReader } from '../import/read-paper';
import { createLookupService, type LookupService } from '../lookup/lookup-service';
import { createApiKeyStore } from '../store/api-key-store';
import { createDirectionSummaryStore } from '../store/direction-summary-store';
import { createIdempotencyStore, type IdempotencyStore } from '../store/idempotency-store';
import type { RegisterStore } from '../store/register-store';
import { createUpdateStore, type UpdateStore } from '../store/update-store';
import { createUpdateService, type UpdateService } from '../updates/update-service';
import type { JobQueue } from '../work/job-queue';
import type { ProductMetrics } from '../work/metrics';
import {
  type ApiGrant,
  type ApiKeys,
  type Authentication,
  createApiKeys,
  type RateLimit,
  refusalOf,
} from './api-keys';
import { apiPermissions } from './api-permissions';
import { ApiProblem } from './problem';

/** What the HTTP API is built from: the same stores and queue the Slack product uses. */
export interface ApiDeps {
  store: RegisterStore;
  db: DynamoDBDocumentClient;
  tableName: string;
  clock: () => Date;
  /** Where the update service hands its "saved" job (status cards, sign-off requests in Slack). */
  queue: JobQueue;
  metrics: ProductMetrics;
  log: (message: string, error?: unknown) => void;
  defaultIjbId: string;
  rateLimit?: RateLimit;
  /** How long a checked key is trusted (api-keys.ts); 5 s when unset. */
  keyTrustMs?: number;
  /** Where posted papers are read (a worker thread locally); in this thread when unset. */
  paperReader?: PaperReader;
}

/** The services behind the routes, built once. */
export interface ApiServices {
  deps: ApiDeps;
  lookup: LookupService;
  keys: ApiKeys;
  updates: UpdateStore;
  idempotency: IdempotencyStore;
  /** The update service Slack uses, with the key's rights standing in for a Slack user's. */
  updateServiceFor(grant: ApiGrant): UpdateService;
}

/**
 * `auth` is the key check in flight: the middleware starts it and moves on, so a read route
 * can fetch the register while the key is checked, and answer only once both are done.
 */
export type ApiEnv = { Variables: { auth: Promise<Authentication>; services: ApiServices } };

export function buildApiServices(deps: ApiDeps): ApiServices {
  const { store, db, tableName, clock } = deps;
  const updates = createUpdateStore(db, tableName);
  const summaries = createDirectionSummaryStore(db, tableName);
  return {
    deps,
    lookup: createLookupService({ store, clock, defaultIjbId: deps.defaultIjbId }),
    keys: createApiKeys({
      keys: createApiKeyStore(db, tableName),
      clock,
      ...(deps.rateLimit ? { rateLimit: deps.rateLimit } : {}),
      ...(deps.keyTrustMs !== undefined ? { trustMs: deps.keyTrustMs } : {}),
    }),
    updates,
    idempotency: createIdempotencyStore(db, tableName),
    updateServiceFor: (grant) =>
      createUpdateService({
        store,
        updates,
        summaries,
        permissions: apiPermissions(grant),
        queue: deps.queue,
        clock,
        log: deps.log,
        metrics: deps.metrics,
      }),
  };
}

/** The request's grant: throws 401/429 for a bad key, 403 unless it has `scope` on `ijb`. */
export async function requireGrant(
  // biome-ignore lint/suspicious/noExplicitAny: any route's context
  c: Context<ApiEnv, any, any>,
  scope: 'read' | 'write' | 'admin',
  ijb?: string,
): Promise<ApiGrant> {
  const auth = await c.get('auth');
  if (!auth.ok) {
    throw new ApiProblem(
      auth.status,
      auth.detail,
      auth.retryAfter ? { headers: { 'retry-after': String(auth.retryAfter) } } : {},
    );
  }
  const refusal = refusalOf(auth.grant, scope, ijb);
  if (refusal) throw new ApiProblem(403, refusal);
  return auth.grant;
}

/**
 * A read done while the key is checked (one round trip instead of two); nothing is answered
 * unless the key may read, and a refusal wins over whatever the read found.
 */
export async function readAuthorized<T>(
  // biome-ignore lint/suspicious/noExplicitAny: any route's context
  c: Context<ApiEnv, any, any>,
  ijb: string,
  read: () => Promise<T>,
): Promise<T> {
  const [grant, result] = await Promise.allSettled([requireGrant(c, 'read', ijb), read()]);
  if (grant.status === 'rejected') throw grant.reason;
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}
