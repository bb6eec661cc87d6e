import '../local/quiet-sdk-notice';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, loadConfig, productClock } from '../config';
import { londonDay } from '../domain/local-date';
import { openLocalDynamo } from '../local/local-dynamo';
import { pacedPoster } from '../nudges/slack/posting';
import { runNudges } from '../nudges/slack/run';
import { createNudgeWebClient, slackPoster } from '../nudges/slack/slack-poster';
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
  if (!args.dryRun && !config.SLACK_BOT_TOKEN) {
    throw new NudgeArgsError(
      'Posting needs SLACK_BOT_TOKEN (and SLACK_API_URL for a stand-in). To see what would be sent, add --dry-run.',
    );
  }
  const dynamo = await openLocalDynamo(config);
  try {
    const stores = buildNudgeStores(dynamo.db, config.TABLE_NAME);
    await seedRegister(stores.store, clock());
    const poster = config.SLACK_BOT_TOKEN
      ? pacedPoster(
          slackPoster(
            createNudgeWebClient({ token: config.SLACK_BOT_TOKEN, slackApiUrl: config.SLACK_API_URL }),
          ),
          { now: Date.now, sleep: (ms) => sleep(ms) },
        )
      : undefined;
    const report = await runNudges(
      {
        ...stores,
        clock,
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
