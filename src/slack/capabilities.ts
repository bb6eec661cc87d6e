import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { webApi } from '@slack/bolt';
import type { AdminDirectory } from '../access/admins';
import { createImportCapability } from '../import/slack/import-capability';
import { createNudgesCapability } from '../nudges/capability';
import type { RegisterStore } from '../store/register-store';
import type { ThreadAnchorStore } from '../store/thread-anchors';
import { createUpdatesCapability } from '../updates/slack/capability';
import type { ShareLinks } from '../web/share-links';
import { createWebShareCapability } from '../web/slack/share-capability';
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
  /** Where problems are reported (a logger's error); the console when unset. */
  log?: (message: string, error?: unknown) => void;
  /** Counters with alarms on AWS (UpdatesSaved, NudgesSent, NudgesFailed…); dropped locally. */
  metrics: ProductMetrics;
  /** The bot's Web API client, for work done outside a Slack request (deferred jobs). */
  slack: webApi.WebClient;
  /** Share links to the web register, where it is served (the local server; not yet the Lambda). */
  web?: { shareLinks: ShareLinks; publicUrl: string };
}

/** The product's capabilities beyond lookups, each in its own folder of src/. */
export function createCapabilities(deps: ProductDeps): SlackCapability[] {
  return [
    createImportCapability(deps),
    createNudgesCapability(deps),
    createUpdatesCapability(deps),
    ...(deps.web
      ? [createWebShareCapability({ ...deps.web, admins: deps.admins, defaultIjbId: deps.defaultIjbId })]
      : []),
  ];
}

export function jobHandlersOf(capabilities: readonly SlackCapability[]): JobHandlers {
  return Object.assign({}, ...capabilities.map((capability) => capability.jobs ?? {}));
}
