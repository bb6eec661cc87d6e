import { setTimeout as sleep } from 'node:timers/promises';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { LocalDateSchema, londonDay } from '../domain/local-date';
import { pacedPoster } from '../nudges/slack/posting';
import { type NudgeRunReport, runNudges } from '../nudges/slack/run';
import { createNudgeWebClient, slackPoster } from '../nudges/slack/slack-poster';
import { buildTeamsDigestTarget, digestPoster, teamsTakesWholeDigest } from '../product/nudge-posters';
import { buildNudgeStores } from '../product/nudge-stores';
import type { TeamsAuthConfig } from '../teams/adapter';
import type { LambdaEnv } from './lambda-config';
import { createObservability } from './observability';
import type { SlackSecrets } from './slack-secrets';
import type { TeamsSecret } from './teams-lambda';

/**
 * What the schedule sends. `date` runs a given day (a manual replay); `scheduledTime` is the
 * time the schedule fired (EventBridge Scheduler's <aws.scheduler.scheduled-time>), so a
 * delivery delayed or retried past midnight still runs the day it was meant for. With
 * neither, the run is for today in London.
 */
export const NudgeEventSchema = z.looseObject({
  date: LocalDateSchema.optional(),
  scheduledTime: z.iso.datetime({ offset: true }).optional(),
});
export type NudgeEvent = z.input<typeof NudgeEventSchema>;

/** The part of Lambda's context the run uses: how long it has left. */
interface LambdaContext {
  getRemainingTimeInMillis?: () => number;
}

export interface NudgeRunSummary {
  day: string;
  runId: string;
  outcomes: Record<string, number>;
  reminders: number;
  unrouted: number;
}

/** Time kept back from the Lambda's limit: no new channel is started, and no 429 waited out, inside it. */
const SAFETY_MARGIN_MS = 30_000;
const DEFAULT_BUDGET_MS = 14 * 60_000;

/**
 * The daily run as a Lambda handler. Invoked at least once per scheduled day (Scheduler and
 * Lambda's async queue both may deliver twice): the run's own records make every repeat
 * harmless. Posting failures do not fail the invocation — they are recorded and the next
 * run retries them; a failure to read or write the register does, so Lambda retries it.
 */
export function createNudgeLambdaHandler(deps: {
  env: LambdaEnv;
  secrets: SlackSecrets;
  db: DynamoDBDocumentClient;
  clock?: () => Date;
  /** With TEAMS_APP_ID set, Teams channels' digests too (the secret from Secrets Manager). */
  teamsSecret?: TeamsSecret | undefined;
  teamsOutbound?: TeamsAuthConfig['outbound'];
}) {
  const { env, secrets, db } = deps;
  const clock = deps.clock ?? (() => new Date());
  if (!secrets.botToken) {
    throw new Error(
      `The Slack secret has no botToken: the nudge run cannot post. Add "botToken": "xoxb-…" to it.`,
    );
  }
  const client = createNudgeWebClient({ token: secrets.botToken, slackApiUrl: env.SLACK_API_URL });
  const stores = buildNudgeStores(db, env.TABLE_NAME);
  const teams =
    env.TEAMS_APP_ID && deps.teamsSecret
      ? buildTeamsDigestTarget(
          {
            appId: env.TEAMS_APP_ID,
            appPassword: deps.teamsSecret.appPassword,
            tenantId: deps.teamsSecret.tenantId,
            outbound: deps.teamsOutbound,
          },
          db,
          env.TABLE_NAME,
        )
      : undefined;
  // Structured Powertools lines (a failure as a warning) and the NudgesSent / NudgesFailed
  // metrics the alarms read, as the other functions log and count.
  const { logger, metrics } = createObservability('nudge', env.LOG_LEVEL);
  const log = (event: Record<string, unknown>) => {
    const message = String(event.event);
    if (message.endsWith('failed')) logger.warn(message, event);
    else logger.info(message, event);
  };

  return async (event: NudgeEvent | undefined, context: unknown): Promise<NudgeRunSummary> => {
    const parsed = NudgeEventSchema.safeParse(event ?? {});
    if (!parsed.success) {
      throw new Error(
        `Nudge event is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    const started = clock().getTime();
    const remaining =
      (context as LambdaContext | undefined)?.getRemainingTimeInMillis?.() ?? DEFAULT_BUDGET_MS;
    const stopAt = started + Math.max(0, remaining - SAFETY_MARGIN_MS);
    const day =
      parsed.data.date ??
      londonDay(parsed.data.scheduledTime ? new Date(parsed.data.scheduledTime) : clock());
    const poster = pacedPoster(digestPoster(slackPoster(client), teams), {
      now: () => clock().getTime(),
      sleep: (ms) => sleep(ms),
      stopAt,
    });
    const report = await runNudges(
      { ...stores, poster, clock, log, wholeDigest: teamsTakesWholeDigest },
      { day, stopAt },
    );
    const summary = summarise(report);
    metrics.addMetric('NudgesSent', MetricUnit.Count, summary.reminders);
    metrics.addMetric(
      'NudgesFailed',
      MetricUnit.Count,
      report.digests.filter((digest) => digest.outcome === 'failed').reduce((n, d) => n + d.items.length, 0),
    );
    metrics.publishStoredMetrics();
    return summary;
  };
}

export function summarise(report: NudgeRunReport): NudgeRunSummary {
  const outcomes: Record<string, number> = {};
  for (const digest of report.digests) outcomes[digest.outcome] = (outcomes[digest.outcome] ?? 0) + 1;
  return {
    day: report.day,
    runId: report.runId,
    outcomes,
    reminders: report.digests.filter((d) => d.outcome === 'posted').reduce((n, d) => n + d.items.length, 0),
    unrouted: report.unrouted.length,
  };
}
