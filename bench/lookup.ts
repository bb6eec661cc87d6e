import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { App, HTTPReceiver } from '@slack/bolt';
import { loadConfig } from '../src/config';
import { startLocalServer } from '../src/local/server';
import { seedRegister } from '../src/register/seed';
import { slashCommandBody } from '../src/slack/signature';
import { createDynamoRegisterStore } from '../src/store/dynamo-register-store';
import { keys } from '../src/store/keys';
import { openBenchDynamo } from './bench-dynamo';
import { signedPoster } from './signed-post';
import { row, summarise } from './stats';

const SECRET = 'bench-signing-secret';
const WARMUP = 300;
const ROUNDS = 3000;

/**
 * `/direction 5.1` end to end — signed HTTP → Bolt → DynamoDB → blocks — against the floor:
 * a bare Bolt app whose listener does one GetItem on the same dynalite and acks. Requests
 * alternate between the two so both see the same machine.
 */
export async function benchLookup(): Promise<string[]> {
  const dynamo = await openBenchDynamo('lookup');
  const full = dynamo.client();
  const floorDb = dynamo.client();
  const store = createDynamoRegisterStore(full.db, dynamo.tableName);
  await seedRegister(store, new Date());

  const config = loadConfig({
    PORT: '0',
    SLACK_SIGNING_SECRET: SECRET,
    LOG_LEVEL: 'error',
    TABLE_NAME: dynamo.tableName,
  });
  const product = await startLocalServer(config, {
    store,
    db: full.db,
    clock: () => new Date('2024-12-20T10:00:00Z'),
  });

  const key = keys.direction('midlothian', '2023-24', '5.1');
  const floorReceiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: 'error' as never });
  const floor = new App({
    receiver: floorReceiver,
    authorize: async () => ({ botToken: 'xoxb-bench', botId: 'B', botUserId: 'U' }),
    logLevel: 'error' as never,
  });
  floor.command('/direction', async ({ ack }) => {
    await floorDb.db.send(new GetCommand({ TableName: dynamo.tableName, Key: key }));
    await ack();
  });
  const bare = new App({
    receiver: new HTTPReceiver({ signingSecret: SECRET, logLevel: 'error' as never }),
    authorize: async () => ({ botToken: 'xoxb-bench', botId: 'B', botUserId: 'U' }),
    logLevel: 'error' as never,
  });
  bare.command('/direction', async ({ ack }) => ack());
  const floorPort = ((await floor.start(0)) as unknown as { address(): AddressInfo }).address().port;
  const barePort = ((await bare.start(0)) as unknown as { address(): AddressInfo }).address().port;

  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = signedPoster(SECRET, agent);
  const send = (port: number, text = '5.1') => post(port, slashCommandBody({ text }));

  const getItem = async () => {
    const started = performance.now();
    await floorDb.db.send(new GetCommand({ TableName: dynamo.tableName, Key: key }));
    return performance.now() - started;
  };

  const check = await send(product.port);
  if (!check.body.includes('5.1 · Health Inequalities'))
    throw new Error('The product did not answer with the card');
  // D10j is East Lothian's: found through the cached index of refs, not a second read.
  const other = await send(product.port, 'D10j');
  if (!other.body.includes('D10j · Primary Care')) throw new Error('The product did not find D10j elsewhere');

  for (let i = 0; i < WARMUP; i++) {
    await send(product.port);
    await send(product.port, 'D10j');
    await send(floorPort);
    await send(barePort);
    await getItem();
  }
  const samples = {
    full: [] as number[],
    elsewhere: [] as number[],
    floor: [] as number[],
    bare: [] as number[],
    get: [] as number[],
  };
  full.reset();
  let lookupRequests = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const before = full.requests();
    samples.full.push((await send(product.port)).ms);
    lookupRequests += full.requests() - before;
    samples.elsewhere.push((await send(product.port, 'D10j')).ms);
    samples.floor.push((await send(floorPort)).ms);
    samples.bare.push((await send(barePort)).ms);
    samples.get.push(await getItem());
  }
  const perLookup = lookupRequests / ROUNDS;
  const fullSummary = summarise(samples.full);
  const floorSummary = summarise(samples.floor);
  const elsewhereSummary = summarise(samples.elsewhere);

  agent.destroy();
  await product.stop();
  await floor.stop();
  await bare.stop();
  await dynamo.close();

  return [
    'Lookup: /direction 5.1, signed HTTP → Bolt → DynamoDB → Block Kit (loopback, dynalite in process)',
    row('product /direction 5.1', fullSummary),
    row('product /direction D10j (East Lothian’s)', elsewhereSummary),
    row('floor: bare Bolt ack + one GetItem', floorSummary),
    row('  bare Bolt ack alone', summarise(samples.bare)),
    row('  one GetItem alone', summarise(samples.get)),
    `  ratio product/floor                          p50 ${(fullSummary.p50 / floorSummary.p50).toFixed(2)}x  p99 ${(fullSummary.p99 / floorSummary.p99).toFixed(2)}x   (target p50 ≤ 1.20x, p99 ≤ 15 ms)`,
    `  ratio D10j elsewhere/floor                   p50 ${(elsewhereSummary.p50 / floorSummary.p50).toFixed(2)}x  p99 ${(elsewhereSummary.p99 / floorSummary.p99).toFixed(2)}x   (target p50 ≤ 1.20x)`,
    `  DynamoDB requests per lookup                 ${perLookup.toFixed(2)}   (target ≤ 2; the IJB profile is cached for 30 s)`,
  ];
}
