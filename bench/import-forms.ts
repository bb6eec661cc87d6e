import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { importPaper } from '../src/import/import-paper';
import { parsePaper } from '../src/import/parse/paper';
import { readPaperFile } from '../src/import/read-file';
import { IJB_PROFILES } from '../src/register/ijb-profiles';
import { batchWrite } from '../src/store/batch-write';
import { createDynamoRegisterStore } from '../src/store/dynamo-register-store';
import { createImportStore } from '../src/store/import-store';
import { keys } from '../src/store/keys';
import { docxOf } from '../test/support/paper-files';
import { type FormSpec, formsPaper, GLASGOW_FORMS } from '../test/support/statutory-forms';
import { openBenchDynamo } from './bench-dynamo';
import { row, summarise } from './stats';

const FORMS = 30;
const PARSE_ROUNDS = 100;
const IMPORT_ROUNDS = 40;

/** A paper of 30 statutory direction forms (GCIJB-2025-01 …), every field filled, as Word tables. */
function thirtyForms(): FormSpec[] {
  return Array.from({ length: FORMS }, (_, index) => {
    const base = GLASGOW_FORMS[index % GLASGOW_FORMS.length] as FormSpec;
    return {
      ...base,
      ref: `GCIJB-2025-${String(index + 1).padStart(2, '0')}`,
      title: `${base.title} ${index + 1}`,
      previous: 'No',
      budget: base.budget ?? ['£100,000'],
    };
  });
}

/**
 * Importing a 30-form Glasgow City paper (.docx): reading and parsing it, and a first import
 * into an empty register (parse, diff, write the year with its 30 review milestones).
 */
export async function benchFormsImport(): Promise<string[]> {
  const text = formsPaper('Glasgow City Integration Joint Board: Directions 2025-26', thirtyForms());
  return [
    ...(await benchOne(Buffer.from(text), 'forms.txt')),
    ...(await benchOne(await docxOf(text), 'forms.docx')),
  ];
}

async function benchOne(bytes: Uint8Array, fileName: string): Promise<string[]> {
  const ijb = IJB_PROFILES['glasgow-city'];
  if (!ijb) throw new Error('no glasgow-city profile');
  const timed = async (run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    return performance.now() - started;
  };
  const parse = async () => {
    const file = await readPaperFile(bytes, fileName);
    if (!file.ok || !('doc' in file)) throw new Error('unreadable');
    const paper = parsePaper(file.doc, ijb, '2025-26', fileName);
    if (paper.directions.length !== FORMS || paper.problems.length > 0) throw new Error('misread');
  };
  for (let i = 0; i < 10; i++) await parse();
  const parses: number[] = [];
  for (let i = 0; i < PARSE_ROUNDS; i++) parses.push(await timed(parse));

  const dynamo = await openBenchDynamo(`import-forms-${fileName.replace(/\W/g, '-')}`);
  const { db } = dynamo.client();
  const deps = {
    store: createDynamoRegisterStore(db, dynamo.tableName),
    imports: createImportStore(db, dynamo.tableName),
    clock: () => new Date('2025-04-01T09:00:00Z'),
  };
  const clear = async () => {
    for (const pk of [keys.registerPartition('glasgow-city', '2025-26').pk, keys.ijb('glasgow-city').pk]) {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: dynamo.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
        }),
      );
      await batchWrite(
        db,
        dynamo.tableName,
        Items.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })),
      );
    }
  };
  const firsts: number[] = [];
  for (let i = 0; i < IMPORT_ROUNDS + 5; i++) {
    const took = await timed(async () => {
      const result = await importPaper(deps, {
        bytes,
        fileName,
        ijbId: 'glasgow-city',
        planYear: '2025-26',
        dryRun: false,
        by: 'bench',
      });
      if (result.status !== 'applied') throw new Error(`import was ${result.status}`);
    });
    await clear();
    if (i >= 5) firsts.push(took);
  }
  await dynamo.close();
  const first = summarise(firsts);
  return [
    `Import: a ${FORMS}-form statutory directions paper (${fileName}, ${Math.round(bytes.length / 1024)} KB) into dynalite in process`,
    row('read + parse the paper', summarise(parses)),
    row('first import (read, parse, diff, write)', first),
    `  first import p50 ${first.p50.toFixed(1)} ms, p99 ${first.p99.toFixed(1)} ms   (target ≤ 50 ms)`,
    '',
  ];
}
