import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { createApiKeys } from '../src/api/api-keys';
import { createHttpApp } from '../src/product/http-app';
import { seedRegister } from '../src/register/seed';
import { createApiKeyStore } from '../src/store/api-key-store';
import { createDynamoRegisterStore } from '../src/store/dynamo-register-store';
import { keys } from '../src/store/keys';
import { uncountedMetrics } from '../src/work/metrics';
import { openBenchDynamo } from './bench-dynamo';
import { row, summarise } from './stats';

const WARMUP = 300;
const ROUNDS = 2000;
const DIRECTION = '/api/v1/ijbs/midlothian/years/2023-24/directions/5.1';
const LIST =
  '/api/v1/ijbs/midlothian/years/2023-24/directions?status=not-reported&recipient=council&limit=10';

/**
 * The HTTP API on loopback — key check, rate window, zod, the lookup service, JSON — against
 * the floor: the same router (Hono on the same Node adapter) answering a constant after one
 * GetItem on the same dynalite. Requests alternate so both see the same machine.
 */
export async function benchApi(): Promise<string[]> {
  const dynamo = await openBenchDynamo('api');
  const full = dynamo.client();
  const floorDb = dynamo.client();
  const store = createDynamoRegisterStore(full.db, dynamo.tableName);
  await seedRegister(store, new Date());
  // keyTrustMs 0 is the API as it was before keys were trusted briefly: one counted write per request.
  const appWith = (db: typeof full.db, keyTrustMs?: number) =>
    createHttpApp({
      store: createDynamoRegisterStore(db, dynamo.tableName),
      db,
      tableName: dynamo.tableName,
      clock: () => new Date('2024-12-20T10:00:00Z'),
      queue: { enqueue: async () => {} },
      metrics: uncountedMetrics,
      log: (message, error) => console.error(message, error),
      defaultIjbId: 'midlothian',
      rateLimit: { limit: 1_000_000, windowSeconds: 60 },
      ...(keyTrustMs !== undefined ? { keyTrustMs } : {}),
      shareSecret: 'bench',
    });
  const app = appWith(full.db);
  const { key } = await createApiKeys({
    keys: createApiKeyStore(full.db, dynamo.tableName),
    clock: () => new Date(),
  }).create({ name: 'bench', scope: 'read', ijb: 'midlothian', by: 'bench' });

  const item = keys.direction('midlothian', '2023-24', '5.1');
  const floor = new Hono();
  floor.get('/api/v1/ijbs/:ijb/years/:year/directions/:ref', async (c) => {
    await floorDb.db.send(new GetCommand({ TableName: dynamo.tableName, Key: item }));
    return c.json({ ok: true });
  });

  const product = await listen(createServer(getRequestListener(app.fetch)));
  const everyTime = await listen(createServer(getRequestListener(appWith(dynamo.client().db, 0).fetch)));
  const floorServer = await listen(createServer(getRequestListener(floor.fetch)));
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (server: Server, path: string) => timedGet(agent, port(server), path, key);

  const check = await get(product, DIRECTION);
  if (check.status !== 200 || !check.body.includes('"ref":"5.1"'))
    throw new Error(`The API answered ${check.status}`);

  for (let i = 0; i < WARMUP; i++) {
    await get(product, DIRECTION);
    await get(product, LIST);
    await get(floorServer, DIRECTION);
  }
  const samples = {
    direction: [] as number[],
    list: [] as number[],
    floor: [] as number[],
    everyTime: [] as number[],
  };
  full.reset();
  const started = performance.now();
  for (let i = 0; i < ROUNDS; i++) {
    samples.direction.push((await get(product, DIRECTION)).ms);
    samples.list.push((await get(product, LIST)).ms);
    samples.floor.push((await get(floorServer, DIRECTION)).ms);
    if (i % 4 === 0) samples.everyTime.push((await get(everyTime, DIRECTION)).ms);
  }
  const elapsed = (performance.now() - started) / 1000;
  const perRequest = full.requests() / (2 * ROUNDS);
  const directionSummary = summarise(samples.direction);
  const listSummary = summarise(samples.list);
  const floorSummary = summarise(samples.floor);
  const everyTimeSummary = summarise(samples.everyTime);
  const rate = (values: number[]) => (values.length / (values.reduce((a, b) => a + b, 0) / 1000)).toFixed(0);

  agent.destroy();
  product.close();
  floorServer.close();
  everyTime.close();
  await dynamo.close();

  return [
    'API: GET /api/v1 with a Bearer key, Hono → key check + lookup → JSON (loopback, dynalite in process, one connection)',
    `${row('GET …/directions/5.1', directionSummary)}  ${rate(samples.direction)} req/s`,
    `${row('GET …/directions?status&recipient&limit', listSummary)}  ${rate(samples.list)} req/s`,
    `${row('floor: same router, one GetItem, constant', floorSummary)}  ${rate(samples.floor)} req/s`,
    `  ratio direction/floor                        p50 ${(directionSummary.p50 / floorSummary.p50).toFixed(2)}x  p99 ${(directionSummary.p99 / floorSummary.p99).toFixed(2)}x   (target p50 ≤ 1.30x)`,
    `  ratio list/floor                             p50 ${(listSummary.p50 / floorSummary.p50).toFixed(2)}x  p99 ${(listSummary.p99 / floorSummary.p99).toFixed(2)}x`,
    `${row('the same, key checked on every request', everyTimeSummary)}  ${rate(samples.everyTime)} req/s`,
    `  ratio direction/floor, key checked every time p50 ${(everyTimeSummary.p50 / floorSummary.p50).toFixed(2)}x  (API_KEY_TRUST_SECONDS=0: the API before the trust window)`,
    `  DynamoDB requests per API request            ${perRequest.toFixed(2)}   (the key check runs beside the read)`,
    `  wall time ${elapsed.toFixed(1)} s for ${3 * ROUNDS} requests`,
  ];
}

function listen(server: Server): Promise<Server> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function port(server: Server): number {
  return (server.address() as AddressInfo).port;
}

function timedGet(
  agent: Agent,
  to: number,
  path: string,
  key: string,
): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: to, path, agent, headers: { authorization: `Bearer ${key}` } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
