import { readFileSync } from 'node:fs';
import { type ParsedPaper, parsePaper } from '../../src/import/parse/paper';
import { readPaperFile } from '../../src/import/read-file';
import { IJB_PROFILES } from '../../src/register/ijb-profiles';
import { seedPaperPath } from '../../src/register/seed/seed-papers';

/** The seed papers as the repository holds them (copies of shared/seeds). */
export const MIDLOTHIAN_PAPER = readFileSync(seedPaperPath('midlothian-2023-24.txt'), 'utf8');
export const EAST_LOTHIAN_PAPER = readFileSync(seedPaperPath('east-lothian-2019-20.txt'), 'utf8');
export const BORDERS_PAPER = readFileSync(seedPaperPath('scottish-borders-2016-17.txt'), 'utf8');

/** Reads and parses a paper's bytes as the importer does, without a register. */
export async function parseFile(
  bytes: Uint8Array | string,
  fileName: string,
  ijbId: string,
  planYear: string,
): Promise<ParsedPaper> {
  const file = await readPaperFile(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, fileName);
  if (!file.ok) throw new Error(file.problem.message);
  if (!('doc' in file)) throw new Error('canonical file');
  const ijb = IJB_PROFILES[ijbId];
  if (!ijb) throw new Error(`no IJB ${ijbId}`);
  return parsePaper(file.doc, ijb, planYear, fileName);
}

/** A paper's directions as [ref, recipients (H = Health Board, C = Council), deadlines as written, theme]. */
export function digest(paper: ParsedPaper): [string, string, string[], string][] {
  return paper.directions.map((direction) => [
    direction.ref,
    direction.issuedTo.map((recipient) => (recipient === 'health-board' ? 'H' : 'C')).join(''),
    direction.deadlines.map((deadline) => deadline.asWritten),
    direction.theme.name,
  ]);
}
