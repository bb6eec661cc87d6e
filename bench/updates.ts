import { Agent, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { App, HTTPReceiver } from '@slack/bolt';
import { createAdminDirectory } from '../src/access/admins';
import { createLookupService } from '../src/lookup/lookup-service';
import { createCapabilities, jobHandlersOf } from '../src/product/capabilities';
import { seedRegister } from '../src/register/seed';
import { createBotClient, createSlackApp } from '../src/slack/app';
import { interactionBody, slashCommandBody } from '../src/slack/signature';
import { createDynamoRegisterStore } from '../src/store/dynamo-register-store';
import { createLeadStore } from '../src/store/lead-store';
import { createThreadAnchorStore } from '../src/store/thread-anchors';
import { type Job, runJob } from '../src/work/job-queue';
import { uncountedMetrics } from '../src/work/metrics';
import { openBenchDynamo } from './bench-dynamo';
import { signedPoster } from './signed-post';
import { row, summarise } from './stats';

const SECRET = 'bench-signing-secret';
const LEAD = 'U0BENCHLEAD';
const WARMUP = 200;
const ROUNDS = 1000;
const CONCURRENT = 50;

/**
 * Saving a progress update end to end — signed HTTP → Bolt → DynamoDB → the reply — against
 * the floor: a bare Bolt app whose listener makes the one conditional PutItem an update cannot
 * do without, then acks. Alternated so both see the same machine. Also counts the DynamoDB
 * requests each path makes while the person waits (target ≤ 3) and in the deferred job after.
 */
export async function benchUpdates(): Promise<string[]> {
  const dynamo = await openBenchDynamo('updates');
  const product = dynamo.client();
  const floorDb = dynamo.client();
  const store = createDynamoRegisterStore(product.db, dynamo.tableName);
  await seedRegister(store, new Date());
  const direction = await store.getDirection('midlothian', '2023-24', '5.1');
  if (!direction) throw new Error('no 5.1');
  await createLeadStore(product.db, dynamo.tableName).assign(direction, [LEAD], undefined);

  // The Web API answered on loopback: the form opens, conversation replies post.
  const slackStub = createServer((_request, response) => {
    _request.resume();
    _request.on('end', () =>
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"ok":true,"ts":"1700000000.000100","view":{"id":"V1","hash":"h"}}'),
    );
  });
  await new Promise<void>((resolve) => slackStub.listen(0, '127.0.0.1', resolve));
  const slackApiUrl = `http://127.0.0.1:${(slackStub.address() as AddressInfo).port}/api/`;

  // Jobs are kept, not run, so the request path is counted alone; they are run and counted after.
  const jobs: Job[] = [];
  const capabilities = createCapabilities({
    store,
    db: product.db,
    tableName: dynamo.tableName,
    clock: () => new Date(),
    queue: { enqueue: async (job) => void jobs.push(job) },
    defaultIjbId: 'midlothian',
    admins: createAdminDirectory(product.db, dynamo.tableName, ['U0BENCHADMIN'], 'midlothian'),
    threadAnchors: createThreadAnchorStore(product.db, dynamo.tableName),
    slack: createBotClient({ slackApiUrl }),
    log: () => {},
    metrics: uncountedMetrics,
  });
  const app = createSlackApp(
    {
      receiver: new HTTPReceiver({ signingSecret: SECRET, logLevel: 'error' as never }),
      slackApiUrl,
      logLevel: 'error',
    },
    {
      lookup: createLookupService({ store, clock: () => new Date(), defaultIjbId: 'midlothian' }),
      capabilities,
    },
  );
  const floor = new App({
    receiver: new HTTPReceiver({ signingSecret: SECRET, logLevel: 'error' as never }),
    authorize: async () => ({ botToken: 'xoxb-bench', botId: 'B', botUserId: 'U' }),
    logLevel: 'error' as never,
  });
  let floorCount = 0;
  floor.command('/direction', async ({ ack, command }) => {
    await floorDb.db.send(
      new PutCommand({
        TableName: dynamo.tableName,
        Item: { pk: 'FLOOR', sk: `UPD#${++floorCount}`, text: command.text },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    await ack({ text: 'saved' });
  });
  const productPort = ((await app.start(0)) as unknown as { address(): AddressInfo }).address().port;
  const floorPort = ((await floor.start(0)) as unknown as { address(): AddressInfo }).address().port;

  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const post = signedPoster(SECRET, agent);
  let sequence = 0;
  const oneLine = (port: number) =>
    post(
      port,
      slashCommandBody({
        text: `update 5.1 on track: bench update ${++sequence}`,
        userId: LEAD,
        triggerId: `bench.${sequence}`,
      }),
    );

  const check = await oneLine(productPort);
  if (!check.body.includes('Saved')) throw new Error(`The product did not save: ${check.body.slice(0, 200)}`);
  for (let i = 0; i < WARMUP; i++) {
    await oneLine(productPort);
    await oneLine(floorPort);
  }
  const samples = { product: [] as number[], floor: [] as number[] };
  product.reset();
  jobs.length = 0;
  for (let i = 0; i < ROUNDS; i++) {
    samples.product.push((await oneLine(productPort)).ms);
    samples.floor.push((await oneLine(floorPort)).ms);
  }
  const perLine = product.requests() / ROUNDS;
  const deferred = await runCounted(jobs.splice(0), capabilities, product);

  // The form: submissions of a form opened for 5.1 (one read to open, counted apart).
  const metadata = JSON.stringify({ ijbId: 'midlothian', planYear: '2023-24', ref: '5.1', mode: 'new' });
  product.reset();
  const FORMS = 200;
  for (let i = 0; i < FORMS; i++)
    await post(productPort, interactionBody(formSubmission(`VBENCH${i}`, metadata)));
  const perForm = product.requests() / FORMS;
  jobs.length = 0;

  // Contention: updates to one direction all at once; conflicts cost re-reads, never lost updates.
  product.reset();
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENT }, () => oneLine(productPort)));
  const burstMs = performance.now() - started;
  const perContended = product.requests() / CONCURRENT;
  jobs.length = 0;

  const productSummary = summarise(samples.product);
  const floorSummary = summarise(samples.floor);
  agent.destroy();
  await app.stop();
  await floor.stop();
  await new Promise((resolve) => slackStub.close(resolve));
  await dynamo.close();

  return [
    'Updates: /direction update 5.1 on track: …, signed HTTP → Bolt → DynamoDB → reply (loopback, dynalite in process)',
    row('product one-line update', productSummary),
    row('floor: Bolt ack + one conditional PutItem', floorSummary),
    `  ratio product/floor                          p50 ${(productSummary.p50 / floorSummary.p50).toFixed(2)}x  p99 ${(productSummary.p99 / floorSummary.p99).toFixed(2)}x`,
    `  DynamoDB requests per update, one line       ${perLine.toFixed(2)}   (target ≤ 3: read direction, put update, conditional summary)`,
    `  DynamoDB requests per update, form submit    ${perForm.toFixed(2)}   (target ≤ 3)`,
    `  deferred job per update (card, thread)       ${deferred.toFixed(2)}   (after the ack; no team channel here, so no Slack posts)`,
    `  ${`${CONCURRENT} updates at once to one direction`.padEnd(44)} ${burstMs.toFixed(0)} ms in all, ${perContended.toFixed(2)} requests per update (a conflict costs a re-read)`,
  ];
}

async function runCounted(
  jobs: Job[],
  capabilities: ReturnType<typeof createCapabilities>,
  client: { reset(): void; requests(): number },
) {
  if (jobs.length === 0) return 0;
  client.reset();
  const handlers = jobHandlersOf(capabilities);
  for (const job of jobs) await runJob(handlers, job);
  return client.requests() / jobs.length;
}

function formSubmission(viewId: string, metadata: string) {
  const input = (value: string | null) => ({ value: { type: 'plain_text_input', value } });
  return {
    type: 'view_submission',
    user: { id: LEAD, name: 'lead' },
    team: { id: 'T0LOCAL', domain: 'local' },
    api_app_id: 'A0LOCAL',
    view: {
      id: viewId,
      callback_id: 'update.form',
      private_metadata: metadata,
      state: {
        values: {
          status: { value: { type: 'static_select', selected_option: { value: 'at-risk' } } },
          text: input('Bench: data sharing agreement not signed'),
          evidence: input(null),
          expectedDate: { value: { type: 'datepicker', selected_date: null } },
          nextSteps: input(null),
        },
      },
    },
  };
}
