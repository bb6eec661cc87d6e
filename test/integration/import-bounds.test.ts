import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaper } from '../../src/import/import-paper';
import { MAX_DIRECTIONS, MAX_LINES, MAX_PDF_PAGES } from '../../src/import/limits';
import { readPaperFile } from '../../src/import/read-file';
import { createWorkerReader } from '../../src/import/read-in-worker';
import { IJB_PROFILES } from '../../src/register/ijb-profiles';
import { bigPaper } from '../support/big-paper';
import { startTestDynamo } from '../support/harness';
import { finished, spawnImport } from '../support/import-cli';
import { zipBomb } from '../support/zip-bomb';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
let dir: string;
// About 1 MB on disk, 300 MB inflated: what took 4.5 GB and killed the process.
let bomb: Uint8Array;
let liar: Uint8Array;

beforeAll(async () => {
  data = await startTestDynamo();
  dir = await mkdtemp(join(tmpdir(), 'import-bounds-'));
  bomb = await zipBomb(300);
  liar = await zipBomb(300, { lie: true });
});
afterAll(async () => {
  await data.close();
  await rm(dir, { recursive: true, force: true });
});

const midlothian = IJB_PROFILES.midlothian as NonNullable<(typeof IJB_PROFILES)['midlothian']>;
const refusal = async (bytes: Uint8Array, name: string) => {
  const result = await readPaperFile(bytes, name);
  if (result.ok) throw new Error(`${name} was read`);
  return result.problem;
};

describe('files read within bounds', () => {
  it('refuses a 1 MB .docx that inflates to 300 MB, by the size it declares and by the size it inflates to', async () => {
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const declared = await refusal(bomb, 'directions.docx');
    expect(declared.message).toMatch(/word\/document\.xml says it inflates to 300\.\d MB/);
    expect(declared.message).toMatch(/parts of up to 32\.0 MB/);
    const inflated = await refusal(liar, 'directions.docx');
    expect(inflated.message).toMatch(/word\/document\.xml inflates to more than 32\.0 MB/);
  });

  it('still reads a well-formed Word file within the bounds', async () => {
    const small = await readPaperFile(await zipBomb(2), 'small.docx');
    expect(small.ok && 'doc' in small && small.doc.lines.length).toBeGreaterThan(1000);
  });

  it('refuses a PDF of more pages, and a paper of more lines, than a paper could have', async () => {
    const pdf = await PDFDocument.create();
    for (let page = 0; page <= MAX_PDF_PAGES; page++) pdf.addPage([200, 200]);
    const pages = await refusal(await pdf.save(), 'directions.pdf');
    expect(pages.message).toMatch(/has 2,001 pages; a paper has tens, and up to 2,000 are read/);

    const lines = await refusal(Buffer.from('Some words\n'.repeat(MAX_LINES + 1)), 'directions.txt');
    expect(lines.message).toMatch(/more than 200,000 lines/);
  });

  it('refuses a paper of more directions than the register takes from one paper, naming the limit', async () => {
    const result = await importPaper(
      { store: data.store, imports: data.imports, clock: () => new Date() },
      {
        bytes: Buffer.from(bigPaper(MAX_DIRECTIONS + 1, '2024-25')),
        fileName: 'directions.txt',
        ijbId: 'midlothian',
        planYear: '2024-25',
        dryRun: true,
        by: 'U0ADMIN',
      },
    );
    expect(result.status).toBe('refused');
    expect(result.status === 'refused' && result.problems[0]?.message).toMatch(
      /10,001 directions; a real paper has tens, and up to 10,000 are imported/,
    );
  }, 60_000);

  it('reads in a worker with a memory ceiling: a paper too big for it is refused and this process carries on', async () => {
    const reader = createWorkerReader({ memoryMb: 24 });
    const result = await reader.read({
      bytes: Buffer.from(bigPaper(10_000, '2024-25')),
      fileName: 'directions.txt',
      ijb: midlothian,
      planYear: '2024-25',
      source: 'directions.txt',
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem.message).toMatch(/needs more than 24\.0 MB of memory to read/);
    // The same reader with room reads the seed-sized paper.
    const roomy = await createWorkerReader().read({
      bytes: Buffer.from(bigPaper(50, '2024-25')),
      fileName: 'directions.txt',
      ijb: midlothian,
      planYear: '2024-25',
      source: 'directions.txt',
    });
    expect(roomy.ok && roomy.paper.directions).toHaveLength(50);
  }, 60_000);

  it('npm run import refuses the bomb with a report, no stack trace, and writes nothing', async () => {
    const file = join(dir, 'directions.docx');
    await writeFile(file, liar);
    const run = await finished(
      spawnImport([file, '--ijb', 'midlothian', '--year', '2024-25'], data.dynamo.endpoint, data.tableName),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Nothing was imported: 1 problem/);
    expect(run.stdout).toMatch(/inflates to more than 32\.0 MB/);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at /);
    expect(await data.store.listPlanYears('midlothian')).toEqual([]);
  }, 60_000);
});
