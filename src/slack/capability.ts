import type { Logger, RespondFn, webApi } from '@slack/bolt';
import type { PlanYear } from '../domain/plan-year';
import type { JobHandlers } from '../work/job-queue';
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

/**
 * What a capability adds to the Slack app: sub-commands, its own listeners (actions, views,
 * events) and the jobs it defers past the ack.
 */
export interface SlackCapability {
  subcommands?: readonly Subcommand[];
  register?(app: SlackRouter): void;
  jobs?: JobHandlers;
}
