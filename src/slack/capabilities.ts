import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AdminDirectory } from '../access/admins';
import type { RegisterStore } from '../store/register-store';
import type { ThreadAnchorStore } from '../store/thread-anchors';
import type { JobHandlers, JobQueue } from '../work/job-queue';
import type { ProductMetrics } from '../work/metrics';
import type { SlackCapability } from './capability';

/** What every capability may build on. The same in the local server and in Lambda. */
export interface ProductDeps {
  store: RegisterStore;
  db: DynamoDBDocumentClient;
  tableName: string;
  clock: () => Date;
  queue: JobQueue;
  defaultIjbId: string;
  admins: AdminDirectory;
  threadAnchors: ThreadAnchorStore;
  /** Counters with alarms on AWS (UpdatesSaved, NudgesSent, NudgesFailed…); dropped locally. */
  metrics: ProductMetrics;
}

/** The product's capabilities beyond lookups, each in its own folder of src/. */
export function createCapabilities(_deps: ProductDeps): SlackCapability[] {
  return [];
}

export function jobHandlersOf(capabilities: readonly SlackCapability[]): JobHandlers {
  return Object.assign({}, ...capabilities.map((capability) => capability.jobs ?? {}));
}
