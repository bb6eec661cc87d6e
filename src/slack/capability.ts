import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Logger, RespondFn, webApi } from '@slack/bolt';
import type { AdminDirectory } from '../access/admins';
import type { PlanYear } from '../domain/plan-year';
import type { PaperReader } from '../import/read-paper';
import type { RegisterStore } from '../store/register-store';
import type { ThreadAnchorStore } from '../store/thread-anchors';
import type { PersonNotifier } from '../updates/person-notes';
import type { ShareLinks } from '../web/share-links';
import type { JobHandlers, JobQueue } from '../work/job-queue';
import type { ProductMetrics } from '../work/metrics';
import type { Reply } from './renderers/blocks';
import type { SlackRouter } from './router';

/** A `/direction <word> …` request, as a sub-command sees it. */
export interface SubcommandRequest {
  /** The words after the sub-command's name. */
  text: string;
  planYear?: PlanYear;
  userId: string;
  teamId: string;
  channelId: string;
  triggerId: string;
  responseUrl: string;
}

export interface SubcommandTools {
  /** The Web API client, with the bot token (views.open with the trigger_id, chat.postMessage…). */
  client: webApi.WebClient;
  respond: RespondFn;
  logger: Logger;
}

/**
 * A sub-command of /direction, owned by a capability (updates, nudges, import…). It answers
 * within the ack budget: a Reply is the ack body; undefined acks with no message (for
 * example after opening a modal).
 */
export interface Subcommand {
  /** The first words that select it, lower case: ['update']. */
  names: readonly string[];
  /** Lines for /direction help: [example, what it does]. */
  help: readonly (readonly [string, string])[];
  handle(request: SubcommandRequest, tools: SubcommandTools): Promise<Reply | undefined>;
}

/** Something a person typed to the bot: in its DM, or in a thread of a channel it is in. */
export interface TypedMessage {
  channel: string;
  /** 'im' for the bot's Messages tab; 'channel' or 'group' for a (private) channel. */
  channelType: string;
  ts: string;
  threadTs?: string | undefined;
  userId: string;
  text: string;
}

/**
 * What a capability adds to the Slack app: sub-commands, its own listeners (actions, views,
 * events) and the jobs it defers past the ack.
 */
export interface SlackCapability {
  subcommands?: readonly Subcommand[];
  /**
   * Takes a typed message into a conversation the capability holds (an update in progress);
   * true when it did. A DM no capability takes is answered like /direction.
   */
  converse?(message: TypedMessage): Promise<boolean>;
  register?(app: SlackRouter): void;
  jobs?: JobHandlers;
}

/**
 * What every capability may build on, the same in the local server and in Lambda. Defined here,
 * low in the tree, so capabilities never import the composition root (src/product) that builds them.
 */
export interface CapabilityDeps {
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
  /** Where papers sent to the bot are read: a worker thread locally, this thread (the worker Lambda) on AWS. */
  paperReader?: PaperReader;
  /** Share links to the web register, where it is served (the local server; not yet the Lambda). */
  web?: { shareLinks: ShareLinks; publicUrl: string };
  /** People the Slack client cannot reach (Teams users, `aad:` ids), told in Teams. */
  people?: PersonNotifier;
}
