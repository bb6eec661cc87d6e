import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Direction } from '../../src/domain/direction';
import { keys } from '../../src/store/keys';
import { createStatusCardStore } from '../../src/store/status-card-store';
import { type Harness, startHarness } from './harness';
import { type SlackStandIn, startSlackStandIn } from './slack-stand-in';

/** Who is who in the updates tests. */
export const PEOPLE = {
  admin: 'U0ADMIN01',
  /** A second Midlothian admin, in worlds started with `secondAdmin`. */
  admin2: 'U0ADMIN02',
  /** East Lothian's admin, in worlds started with `secondAdmin` (configured as east-lothian:U0EASTADM). */
  eastAdmin: 'U0EASTADM',
  lead: 'U0LEAD001',
  member: 'U0MEMBER1',
  stranger: 'U0STRANGE',
} as const;
export const TEAM_CHANNEL = 'C0DATATEAM';
export const OTHER_CHANNEL = 'C0ELSEWHER';

export interface UpdatesWorld {
  harness: Harness;
  slack: SlackStandIn;
  /** Moves the injected clock. */
  setNow(date: Date): void;
  /** Replaces the clock: each read may give a different instant. */
  setClock(clock: () => Date): void;
  now(): Date;
  direction(ref: string): Promise<Direction>;
  /** Waits until `count` response_url posts have arrived (since the requests were last cleared); their bodies. */
  // biome-ignore lint/suspicious/noExplicitAny: Slack JSON bodies, inspected by the tests
  responses(count: number): Promise<any[]>;
  /** The ts of a direction's status card, as the table remembers it. */
  cardTs(ref: string): Promise<string | undefined>;
  /** The update items stored for a direction, read straight from the table. */
  storedUpdates(ref: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/**
 * The real local server over dynalite, with a Slack stand-in for the Web API, one IJB admin
 * configured, and 5.1 led by `lead` with #data-team as its team channel.
 */
export async function startUpdatesWorld(
  start = new Date('2024-12-02T10:00:00Z'),
  options: { secondAdmin?: boolean } = {},
): Promise<UpdatesWorld> {
  let clock = () => start;
  const slack = await startSlackStandIn();
  const admins = options.secondAdmin
    ? `${PEOPLE.admin},${PEOPLE.admin2},east-lothian:${PEOPLE.eastAdmin}`
    : PEOPLE.admin;
  const harness = await startHarness({
    clock: () => clock(),
    env: { SLACK_API_URL: `${slack.url}/api/`, DIRECTIONS_ADMINS: admins },
  });
  slack.setMembers(TEAM_CHANNEL, [PEOPLE.lead, PEOPLE.member]);
  const assigned = await harness.command(`assign 5.1 <@${PEOPLE.lead}|lead> <#${TEAM_CHANNEL}|data-team>`, {
    userId: PEOPLE.admin,
  });
  if (!JSON.stringify(assigned.body).includes('5.1'))
    throw new Error(`assign failed: ${JSON.stringify(assigned.body)}`);
  await harness.server.drain();
  return {
    harness,
    slack,
    setNow: (date) => {
      clock = () => date;
    },
    setClock: (next) => {
      clock = next;
    },
    now: () => clock(),
    async direction(ref) {
      const found = await harness.store.getDirection('midlothian', '2023-24', ref);
      if (!found) throw new Error(`no ${ref}`);
      return found;
    },
    async responses(count) {
      const deadline = Date.now() + 5_000;
      const posted = () =>
        slack.requests.filter((request) => request.path === '/response').map((request) => request.body);
      while (posted().length < count) {
        if (Date.now() > deadline) throw new Error(`got ${posted().length} of ${count} responses`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return posted();
    },
    async cardTs(ref) {
      const card = await createStatusCardStore(harness.db, harness.tableName).get({
        ijbId: 'midlothian',
        planYear: '2023-24',
        ref,
      });
      return card?.ts;
    },
    async storedUpdates(ref) {
      const { Items = [] } = await harness.db.send(
        new QueryCommand({
          TableName: harness.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: {
            ':pk': keys.direction('midlothian', '2023-24', ref).pk,
            ':prefix': `UPD#${ref}#`,
          },
        }),
      );
      return Items;
    },
    async close() {
      await harness.close();
      await slack.close();
    },
  };
}
