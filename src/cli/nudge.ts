import '../local/quiet-sdk-notice';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, loadConfig, productClock } from '../config';
import { londonDay } from '../domain/local-date';
import { openLocalDynamo } from '../local/local-dynamo';
import { announcedSlack } from '../local/offline-slack';
import { pacedPoster } from '../nudges/slack/posting';
import { runNudges } from '../nudges/slack/run';
import { createNudgeWebClient, slackPoster } from '../nudges/slack/slack-poster';
import { buildTeamsDigestTarget, digestPoster, teamsTakesWholeDigest } from '../product/nudge-posters';
import { buildNudgeStores } from '../product/nudge-stores';
import { seedRegister } from '../register/seed';
import { NudgeArgsError, parseNudgeArgs, reportAsJson, reportAsText } from './nudge-args';

/**
 * `npm run nudge -- --date 2023-12-22 [--dry-run] [--json]`: the daily run, for any day, on
 * this machine's register (the same DynamoDB `npm start` uses). A dry run writes and posts
 * nothing; otherwise digests go through the Slack Web API at SLACK_API_URL.
 */
async function main(): Promise<void> {
  const args = parseNudgeArgs(process.argv.slice(2));
  const config = loadConfig();
  const clock = productClock(config);
  // Offline, a running `npm start` has a Slack stand-in: nudges go there, for `npm run chat` to show.
  const standIn = config.SLACK_BOT_TOKEN ? undefined : await announcedSlack(config.DATA_DIR);
  const token = config.SLACK_BOT_TOKEN ?? (standIn ? 'xoxb-offline' : undefined);
  const slackApiUrl = standIn ? `${standIn}/api/` : config.SLACK_API_URL;
  if (!args.dryRun && !token) {
    throw new NudgeArgsError(
      'Posting needs SLACK_BOT_TOKEN, or `npm start` running offline (its Slack stand-in). To see what would be sent, add --dry-run.',
    );
  }
  const dynamo = await openLocalDynamo(config);
  try {
    const stores = buildNudgeStores(dynamo.db, config.TABLE_NAME);
    await seedRegister(stores.store, clock());
    // With TEAMS_APP_ID and its password, Teams channels get their digest through the Bot Connector.
    const teams = config.TEAMS_APP_ID
      ? buildTeamsDigestTarget(
          {
            appId: config.TEAMS_APP_ID,
            appPassword: config.TEAMS_APP_PASSWORD,
            tenantId: config.TEAMS_TENANT_ID,
          },
          dynamo.db,
          config.TABLE_NAME,
        )
      : undefined;
    const poster = token
      ? pacedPoster(digestPoster(slackPoster(createNudgeWebClient({ token, slackApiUrl })), teams), {
          now: Date.now,
          sleep: (ms) => sleep(ms),
        })
      : undefined;
    const report = await runNudges(
      {
        ...stores,
        clock,
        wholeDigest: teamsTakesWholeDigest,
        ...(poster ? { poster } : {}),
      },
      { day: args.date ?? londonDay(clock()), dryRun: args.dryRun },
    );
    console.log(args.json ? reportAsJson(report) : reportAsText(report, process.stdout.isTTY === true));
    if (report.digests.some((digest) => digest.outcome === 'failed')) process.exitCode = 1;
  } finally {
    await dynamo.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof NudgeArgsError || error instanceof ConfigError ? error.message : error);
  process.exit(2);
});
