import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { recordingPoster } from '../src/nudges/slack/posting';
import { type NudgeRunReport, runNudges } from '../src/nudges/slack/run';
import { calendarFor } from '../src/register/calendars';
import { createDynamoRegisterStore } from '../src/store/dynamo-register-store';
import { createNudgeRecordStore } from '../src/store/nudge-records';
import { createSnoozeStore } from '../src/store/snooze-store';
import { createSubscriptionStore } from '../src/store/subscription-store';
import { createThreadAnchorStore } from '../src/store/thread-anchors';
import { openBenchDynamo } from './bench-dynamo';
import { writeSyntheticRegister } from './nudge-data';

interface Meter {
  requests: number;
  reads: number;
  itemsRead: number;
  writes: number;
}

/** Counts DynamoDB requests by kind, and the items the reads returned. */
function metered(db: DynamoDBDocumentClient): { meter: Meter; reset(): void } {
  const meter: Meter = { requests: 0, reads: 0, itemsRead: 0, writes: 0 };
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      meter.requests++;
      if (/^(Get|BatchGet|Query|Scan)/.test(String(context.commandName))) {
        meter.reads++;
        const out = result.output as {
          Items?: unknown[];
          Item?: unknown;
          Responses?: Record<string, unknown[]>;
        };
        meter.itemsRead +=
          (out.Items?.length ?? 0) +
          (out.Item ? 1 : 0) +
          Object.values(out.Responses ?? {}).reduce((n, list) => n + list.length, 0);
      } else meter.writes++;
      return result;
    },
    { step: 'initialize', name: 'meterNudgeBench' },
  );
  return { meter, reset: () => Object.assign(meter, { requests: 0, reads: 0, itemsRead: 0, writes: 0 }) };
}

const IJBS = 32;
const DIRECTIONS = 10_000;
const MEASURED_DAYS = ['2025-01-17', '2025-01-31'];

/**
 * The daily nudge run over 10,000 directions in 32 IJBs, against the baseline of reading the
 * whole table (what a run without the due-date index would do), in the same process and
 * table. Then the table is doubled with a plan year that is not live: the run's reads should
 * not move, the baseline's should double.
 */
export async function benchNudges(): Promise<string[]> {
  const dynamo = await openBenchDynamo('nudges');
  const { db } = dynamo.client();
  const { meter, reset } = metered(db);
  const store = createDynamoRegisterStore(db, dynamo.tableName);
  const deps = {
    store,
    records: createNudgeRecordStore(db, dynamo.tableName),
    subscriptions: createSubscriptionStore(db, dynamo.tableName),
    snoozes: createSnoozeStore(db, dynamo.tableName),
    anchors: createThreadAnchorStore(db, dynamo.tableName),
    clock: () => new Date(),
  };
  const common = { ijbCount: IJBS, total: DIRECTIONS, today: '2025-01-17', months: 24 };
  const loadStarted = performance.now();
  const live = await writeSyntheticRegister(store, deps.subscriptions, {
    ...common,
    planYear: '2024-25',
    from: [2024, 4],
    seed: 5,
  });
  const loadMs = performance.now() - loadStarted;

  const measure = async <T>(work: () => Promise<T>) => {
    reset();
    const started = performance.now();
    const result = await work();
    return { ms: performance.now() - started, ...meter, result };
  };
  const scan = () =>
    measure(async () => {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new ScanCommand({ TableName: dynamo.tableName, ExclusiveStartKey: start }),
        );
        start = page.LastEvaluatedKey;
      } while (start);
    });
  const median = async (runs: number, work: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push((await measure(work)).ms);
    return samples.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
  };

  const lines = [
    `Nudges: the daily run over ${live.directions.toLocaleString('en-GB')} directions (${live.dueEntries.toLocaleString('en-GB')} open deadlines) in ${IJBS} IJBs, dynalite in process; loaded in ${(loadMs / 1000).toFixed(1)} s`,
    `  ${'day / what'.padEnd(46)}${'time'.padStart(10)}${'requests'.padStart(10)}${'reads'.padStart(8)}${'items read'.padStart(12)}${'writes'.padStart(8)}`,
  ];
  const row = (label: string, m: { ms: number } & Meter) =>
    `  ${label.padEnd(46)}${`${m.ms.toFixed(0)} ms`.padStart(10)}${String(m.requests).padStart(10)}${String(m.reads).padStart(8)}${m.itemsRead.toLocaleString('en-GB').padStart(12)}${String(m.writes).padStart(8)}`;
  const calendar = calendarFor({ settings: { monthDeadlineRule: 'end-of-month', closures: [] } });

  for (const day of MEASURED_DAYS) {
    // As if yesterday's run finished: each measured run covers its own day only, no catch-up.
    await deps.records.markRun(calendar.addWorkingDays(day, -1), 'bench', new Date());
    const baseline = await scan();
    const dryMs = await median(5, () => runNudges(deps, { day, dryRun: true }));
    const dry = await measure(() => runNudges(deps, { day, dryRun: true }));
    const poster = recordingPoster();
    const posting = await measure(() => runNudges({ ...deps, poster }, { day }));
    const again = await measure(() => runNudges({ ...deps, poster: recordingPoster() }, { day }));
    const report = posting.result as NudgeRunReport;
    const owed = report.ijbs.reduce((n, ijb) => n + ijb.directionsRead, 0);
    const indexed = report.ijbs.reduce((n, ijb) => n + ijb.deadlinesRead, 0);
    const reminders = report.digests.reduce((n, digest) => n + digest.items.length, 0);
    lines.push(
      `  ${day}: ${owed} directions owed a reminder or an escalation check (${indexed} index entries in reach); ${reminders} reminders in ${report.digests.length} digests, ${poster.posted.length} messages`,
      row('    baseline: scan the whole table', baseline),
      row(`    dry run: plan and render (median of 5)`, { ...dry, ms: dryMs }),
      row('    run: claim, post (to a recorder), record', posting),
      row('    the same day delivered again (at-least-once)', again),
    );
  }

  const old = await writeSyntheticRegister(store, undefined, {
    ...common,
    planYear: '2023-24',
    from: [2023, 4],
    seed: 23,
  });
  const day = MEASURED_DAYS[0] as string;
  const baseline = await scan();
  const dryMs = await median(5, () => runNudges(deps, { day, dryRun: true }));
  const dry = await measure(() => runNudges(deps, { day, dryRun: true }));
  lines.push(
    `  table doubled: +${old.directions.toLocaleString('en-GB')} directions of a plan year that is not live, ${day} again`,
    row('    baseline: scan the whole table', baseline),
    row('    dry run: plan and render (median of 5)', { ...dry, ms: dryMs }),
    '  (reads follow what is due that day, not the table; posting is to an in-process recorder, so Slack time is not in these figures)',
  );
  await dynamo.close();
  return lines;
}
