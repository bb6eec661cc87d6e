import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../src/config';
import { startLocalServer } from '../src/local/server';
import { seedRegister } from '../src/register/seed';
import { createDynamoRegisterStore } from '../src/store/dynamo-register-store';
import { keys } from '../src/store/keys';
import { createTeamsAdapter, handleTeamsRequest } from '../src/teams/adapter';
import {
  messageActivity,
  StandInCredentials,
  startBotConnectorStandIn,
  startKeySet,
  TEAMS_APP_ID,
} from '../test/support/teams';
import { openBenchDynamo } from './bench-dynamo';
import { row, summarise } from './stats';

const WARMUP = 200;
const ROUNDS = 1500;

/**
 * A signed Teams activity for `5.1` — JWT validated by the SDK → bot → DynamoDB → Adaptive Card
 * posted to a stand-in Bot Connector — against the floor: the same SDK, same key set and same
 * connector, whose bot does one GetItem and replies with a constant. Alternated, same machine.
 */
export async function benchTeams(): Promise<string[]> {
  const dynamo = await openBenchDynamo('teams');
  const full = dynamo.client();
  const floorDb = dynamo.client();
  const store = createDynamoRegisterStore(full.db, dynamo.tableName);
  await seedRegister(store, new Date());
  const connector = await startBotConnectorStandIn();
  const keySet = await startKeySet(() => connector.url);

  const config = loadConfig({
    PORT: '0',
    SLACK_SIGNING_SECRET: 'bench-signing-secret',
    LOG_LEVEL: 'error',
    TABLE_NAME: dynamo.tableName,
    TEAMS_APP_ID,
    TEAMS_OPENID_METADATA_URL: keySet.metadataUrl,
  });
  const product = await startLocalServer(config, {
    store,
    db: full.db,
    clock: () => new Date('2024-12-20T10:00:00Z'),
    teamsOutbound: new StandInCredentials(),
  });

  const key = keys.direction('midlothian', '2023-24', '5.1');
  const adapter = createTeamsAdapter({
    appId: TEAMS_APP_ID,
    openIdMetadataUrl: keySet.metadataUrl,
    outbound: new StandInCredentials(),
  });
  const floor = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const answer = await handleTeamsRequest(
        adapter,
        async (context) => {
          await floorDb.db.send(new GetCommand({ TableName: dynamo.tableName, Key: key }));
          await context.sendActivity('constant');
        },
        {
          method: 'POST',
          headers: { authorization: request.headers.authorization },
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        },
      );
      response.writeHead(answer.status).end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve));
  const floorPort = (floor.address() as AddressInfo).port;

  const token = keySet.token();
  const send = async (port: number) => {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(messageActivity(connector.url, '5.1')),
    });
    await response.text();
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    return performance.now() - started;
  };

  await send(product.port);
  if (!JSON.stringify(connector.posted.at(-1)?.activity).includes('5.1 · Health Inequalities'))
    throw new Error('The product did not answer with the card');
  for (let i = 0; i < WARMUP; i++) {
    await send(product.port);
    await send(floorPort);
  }
  const samples = { full: [] as number[], floor: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    samples.full.push(await send(product.port));
    samples.floor.push(await send(floorPort));
    connector.posted.length = 0;
  }
  const fullSummary = summarise(samples.full);
  const floorSummary = summarise(samples.floor);
  await product.stop();
  await new Promise((resolve) => floor.close(resolve));
  await keySet.close();
  await connector.close();
  await dynamo.close();
  return [
    'Teams: a signed activity for 5.1, JWT validated by botbuilder → bot → DynamoDB → Adaptive Card to a stand-in Bot Connector (loopback)',
    row('product "5.1"', fullSummary),
    row('floor: SDK + one GetItem + constant reply', floorSummary),
    `  ratio product/floor                          p50 ${(fullSummary.p50 / floorSummary.p50).toFixed(2)}x  p99 ${(fullSummary.p99 / floorSummary.p99).toFixed(2)}x   (target p50 ≤ 1.30x)`,
  ];
}
