import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SEED_PAPERS,
  seedDataPath,
  seedFileFromPaper,
  seedPaperPath,
} from '../../src/register/seed/seed-papers';

// In CI and the worktrees, shared/ sits beside the repository.
const SHARED = join(process.cwd(), '..', 'shared', 'seeds');

describe.each(SEED_PAPERS)('the shipped seed data $output', (seed) => {
  it('is exactly what the importer makes of the seed paper (npm run seed regenerates it)', async () => {
    const checkedIn = JSON.parse(readFileSync(seedDataPath(seed.output), 'utf8'));
    expect(checkedIn).toEqual(JSON.parse(JSON.stringify(await seedFileFromPaper(seed))));
  });

  it.runIf(existsSync(join(SHARED, seed.original)))(
    'comes from an unchanged copy of the shared seed paper',
    () => {
      expect(readFileSync(seedPaperPath(seed.paper), 'utf8')).toBe(
        readFileSync(join(SHARED, seed.original), 'utf8'),
      );
    },
  );
});
