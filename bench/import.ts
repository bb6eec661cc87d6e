import { readFile } from 'node:fs/promises';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { importPaper } from '../src/import/import-paper';
import { parsePaper } from '../src/import/parse/paper';
import { readPaperFile } from '../src/import/read-file';
import { IJB_PROFILES } from '../src/register/ijb-profiles';
import { SEED_PAPERS, seedPaperPath } from '../src/register/seed/seed-papers';
import { batchWrite } from '../src/store/batch-write';
import { createDynamoRegisterStore } from '../src/store/dynamo-register-store';
import { createImportStore } from '../src/store/import-store';
import { keys } from '../src/store/keys';
import { bigPaper } from '../test/support/big-paper';
import { openBenchDynamo } from './bench-dynamo';
import { row, summarise } from './stats';

const PARSE_ROUNDS = 200;
const IMPORT_ROUNDS = 40;

/**
 * Importing the Midlothian paper: parsing alone, a first import into an empty register, and a
 * re-import that finds nothing to change — beside their floors in the same run: reading the
 * file into lines, and one BatchWriteItem of the same items the import writes.
 */
export async function benchImport(): Promise<string[]> {
  const midlothian = IJB_PROFILES.midlothian as NonNullable<(typeof IJB_PROFILES)['midlothian']>;
  const seed = SEED_PAPERS[0];
  const bytes = await readFile(seedPaperPath(seed.paper));
  const timed = async (run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    return performance.now() - started;
  };

  const read = async () => {
    const file = await readPaperFile(bytes, seed.paper);
    if (!file.ok || !('doc' in file)) throw new Error('unreadable');
    return file.doc;
  };
  for (let i = 0; i < 20; i++) parsePaper(await read(), midlothian, '2023-24', seed.paper);
  const samples = { read: [] as number[], parse: [] as number[] };
  for (let i = 0; i < PARSE_ROUNDS; i++) {
    samples.read.push(await timed(read));
    samples.parse.push(await timed(async () => parsePaper(await read(), midlothian, '2023-24', seed.paper)));
  }

  const dynamo = await openBenchDynamo('import');
  const { db } = dynamo.client();
  const deps = {
    store: createDynamoRegisterStore(db, dynamo.tableName),
    imports: createImportStore(db, dynamo.tableName),
    clock: () => new Date('2023-04-01T09:00:00Z'),
  };
  const request = {
    bytes,
    fileName: seed.paper,
    ijbId: 'midlothian',
    planYear: '2023-24',
    dryRun: false,
    by: 'bench',
  };
  const clear = async () => {
    const items = [];
    for (const pk of [keys.registerPartition('midlothian', '2023-24').pk, keys.ijb('midlothian').pk]) {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: dynamo.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
        }),
      );
      items.push(...Items);
    }
    await batchWrite(
      db,
      dynamo.tableName,
      items.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })),
    );
    return items;
  };
  const imports = { first: [] as number[], again: [] as number[], floor: [] as number[] };
  let written: Record<string, unknown>[] = [];
  for (let i = 0; i < IMPORT_ROUNDS + 5; i++) {
    const first = await timed(() => importPaper(deps, request));
    const again = await timed(async () => {
      const result = await importPaper(deps, request);
      if (result.status !== 'unchanged') throw new Error(`re-import was ${result.status}`);
    });
    written = (await clear()).filter(
      (item) => String(item.sk).startsWith('DIR#') || String(item.sk).startsWith('DUE#'),
    );
    const floor = await timed(() =>
      batchWrite(
        db,
        dynamo.tableName,
        written.map((Item) => ({ PutRequest: { Item } })),
      ),
    );
    await clear();
    if (i < 5) continue;
    imports.first.push(first);
    imports.again.push(again);
    imports.floor.push(floor);
  }

  // The largest paper the importer takes (MAX_DIRECTIONS), into the year just loaded: once, paced.
  await importPaper(deps, request);
  const large = {
    ...request,
    bytes: Buffer.from(bigPaper(10_000, '2023-24')),
    fileName: 'large-2023-24.txt',
  };
  const largeMs = await timed(async () => {
    const result = await importPaper(deps, large);
    if (result.status !== 'applied') throw new Error(`large import was ${result.status}`);
  });
  const largeYear = await deps.imports.readYear('midlothian', '2023-24');
  const largeItems = largeYear.directions.length + largeYear.dueEntries.length;
  const largeFloor = await timed(async () => {
    const items = Array.from({ length: largeItems }, (_, index) => ({
      PutRequest: { Item: { pk: 'BENCH#large', sk: String(index), text: 'x'.repeat(300) } },
    }));
    await batchWrite(db, dynamo.tableName, items);
  });
  await dynamo.close();

  const first = summarise(imports.first);
  return [
    `Import: the Midlothian 2023-24 paper (${seed.paper}, 21 directions) into dynalite in process`,
    row('read + parse the paper', summarise(samples.parse)),
    row('  floor: read the file into lines', summarise(samples.read)),
    row('first import (parse, diff, write the year)', first),
    row('re-import, nothing to change', summarise(imports.again)),
    row(`  floor: BatchWriteItem of its ${written.length} items`, summarise(imports.floor)),
    `  first import p50 ${first.p50.toFixed(1)} ms, p99 ${first.p99.toFixed(1)} ms   (target ≤ 50 ms)`,
    `  10,000 directions into the live year (read, parse, write ${largeItems} items)  ${(largeMs / 1000).toFixed(1)} s  (n=1)`,
    `    floor: paced BatchWriteItem of ${largeItems} items                         ${(largeFloor / 1000).toFixed(1)} s  (n=1)`,
  ];
}
