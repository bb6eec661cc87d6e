import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePaper } from '../../import/parse/paper';
import { readPaperFile } from '../../import/read-file';
import { IJB_PROFILES } from '../ijb-profiles';
import type { PlanYearFile } from '../plan-year-file';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The papers the shipped register is made from (copies of ../shared/seeds, so a clone holds
 * them), and the seed data file each becomes.
 */
export const SEED_PAPERS = [
  {
    paper: 'midlothian-2023-24.txt',
    original: '000_8351e1158cc7e4f1.txt',
    ijbId: 'midlothian',
    planYear: '2023-24',
    output: 'midlothian-2023-24.json',
  },
  {
    paper: 'east-lothian-2019-20.txt',
    original: '003_e1d4b779392ca6f7.txt',
    ijbId: 'east-lothian',
    planYear: '2019-20',
    output: 'east-lothian-2019-20.json',
  },
] as const;

export function seedPaperPath(name: string): string {
  return join(here, 'papers', name);
}

export function seedDataPath(name: string): string {
  return join(here, name);
}

/** What the importer makes of a seed paper, as the seed data file holds it. */
export async function seedFileFromPaper(
  seed: (typeof SEED_PAPERS)[number],
): Promise<PlanYearFile & { importWarnings: string[] }> {
  const ijb = IJB_PROFILES[seed.ijbId];
  if (!ijb) throw new Error(`No IJB profile ${seed.ijbId}`);
  const file = await readPaperFile(await readFile(seedPaperPath(seed.paper)), seed.paper);
  if (!file.ok || !('doc' in file)) throw new Error(`Cannot read ${seed.paper}`);
  const paper = parsePaper(file.doc, ijb, seed.planYear, seed.original);
  if (paper.problems.length > 0)
    throw new Error(`${seed.paper}: ${paper.problems.map((problem) => problem.message).join('; ')}`);
  const strip = <T extends { at: unknown }>({ at: _at, ...rest }: T) => rest;
  return {
    ijb,
    planYear: seed.planYear,
    title: `${ijb.shortName} IJB Directions ${seed.planYear}`,
    source: `${ijb.name}, Directions ${seed.planYear} (shared/seeds/${seed.original}), imported by npm run seed`,
    directions: paper.directions.map(strip),
    outcomes: paper.outcomes.map(strip),
    milestones: paper.milestones.map(strip),
    importWarnings: paper.warnings.map(
      (warning) =>
        `${warning.at ? `line ${warning.at.line}: ` : ''}${warning.ref ? `${warning.ref}: ` : ''}${warning.message}`,
    ),
  };
}
