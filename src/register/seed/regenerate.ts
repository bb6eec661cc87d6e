import { writeFile } from 'node:fs/promises';
import { SEED_PAPERS, seedDataPath, seedFileFromPaper } from './seed-papers';

/**
 * `npm run seed`: regenerates the shipped seed data from the seed papers with the importer.
 * test/integration/seed-data.test.ts fails when the checked-in files differ from this output.
 */
for (const seed of SEED_PAPERS) {
  const file = await seedFileFromPaper(seed);
  await writeFile(seedDataPath(seed.output), `${JSON.stringify(file, null, 2)}\n`);
  console.log(
    `${seed.output}: ${file.directions.length} directions, ${file.outcomes?.length ?? 0} outcomes, ${file.milestones?.length ?? 0} milestones, ${file.importWarnings.length} warnings`,
  );
}
