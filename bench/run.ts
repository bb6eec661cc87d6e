import '../src/local/quiet-sdk-notice';
import { benchApi } from './api';
import { benchBundle } from './bundle';
import { benchImport } from './import';
import { benchFormsImport } from './import-forms';
import { benchLookup } from './lookup';
import { benchNudges } from './nudges';
import { benchParser } from './parser';
import { benchReport } from './report';
import { benchTeams } from './teams';
import { benchUpdates } from './updates';

/**
 * `npm run bench [-- name…]`: prints figures, asserts nothing. Each benchmark measures the
 * product side by side with its baseline in the same run.
 */
const BENCHMARKS: Record<string, () => Promise<string[]>> = {
  lookup: benchLookup,
  api: benchApi,
  updates: benchUpdates,
  bundle: benchBundle,
  import: async () => [...(await benchImport()), '', ...(await benchFormsImport())],
  nudges: benchNudges,
  parser: benchParser,
  report: benchReport,
  teams: benchTeams,
};

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(BENCHMARKS);
for (const name of names) {
  const bench = BENCHMARKS[name];
  if (!bench) {
    console.error(`No benchmark "${name}". Known: ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exit(2);
  }
  for (const line of await bench()) console.log(line);
  console.log('');
}
