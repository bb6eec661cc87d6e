import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'hono';
import { createLookupService, type LookupService } from '../lookup/lookup-service';
import { createApiKeyStore } from '../store/api-key-store';
import { createDirectionSummaryStore } from '../store/direction-summary-store';
import { createIdempotencyStore, type IdempotencyStore } from '../store/idempotency-store';
import type { RegisterStore } from '../store/register-store';
import { createUpdateStore, type UpdateStore } from '../store/update-store';
import { createUpdateService, type UpdateService } from '../updates/update-service';
import type { JobQueue } from '../work/job-queue';
import type { ProductMetrics } from '../work/metrics';
import { type ApiGrant, type ApiKeys, createApiKeys, type RateLimit, refusalOf } from './api-keys';
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

export type ApiEnv = { Variables: { grant: ApiGrant; services: ApiServices } };

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

/** Throws 403 unless the request's key has `scope` on `ijb`. */
export function requireGrant(c: Context<ApiEnv>, scope: 'read' | 'write' | 'admin', ijb?: string): ApiGrant {
  const grant = c.get('grant');
  const refusal = refusalOf(grant, scope, ijb);
  if (refusal) throw new ApiProblem(403, refusal);
  return grant;
}
