import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startSlackStandIn } from './slack-stand-in';

/** Where a running `npm start` says its Slack stand-in listens, for `npm run chat` and `npm run nudge`. */
function slackFile(dataDir: string): string {
  return join(resolve(dataDir), 'slack.endpoint');
}

/**
 * Offline (no SLACK_BOT_TOKEN, no SLACK_API_URL, no Socket Mode), `npm start` talks to a
 * stand-in for Slack's Web API on loopback, so modals, DMs, channel posts and App Home all
 * "work" and can be watched with `npm run chat` — and nothing tries to reach slack.com.
 */
export async function startOfflineSlack(dataDir: string) {
  const standIn = await startSlackStandIn();
  await writeFile(slackFile(dataDir), `${standIn.url}\n`);
  return {
    url: standIn.url,
    apiUrl: `${standIn.url}/api/`,
    close: async () => {
      await rm(slackFile(dataDir), { force: true });
      await standIn.close();
    },
  };
}

/** The stand-in a running `npm start` announced, if any. */
export async function announcedSlack(dataDir: string): Promise<string | undefined> {
  try {
    return (await readFile(slackFile(dataDir), 'utf8')).trim() || undefined;
  } catch {
    return undefined;
  }
}
