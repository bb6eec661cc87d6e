import '../local/quiet-sdk-notice';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { openLocalDynamo } from '../local/local-dynamo';
import { IJB_PROFILES } from '../register/ijb-profiles';
import { newIjbProfile } from '../register/new-ijb';
import { addIjbProfile } from '../store/ijb-profile-store';

const USAGE = `Usage:
  npm run ijb -- list
  npm run ijb -- add <id> --name "<IJB name>" --short "<area>" --health-board "<NHS board>" --council "<council>" [--council "<second council>"] [--lead-agency]`;

/**
 * `npm run ijb`: the integration authorities the product knows, and adding one it does not
 * to the register (the local one, a running `npm start`'s, or AWS_ENDPOINT_URL_DYNAMODB's).
 * Exit 0 done, 1 refused, 2 usage.
 */
async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, id, ...extra] = positionals;
  if (command === 'list' && !id) {
    for (const ijb of Object.values(IJB_PROFILES))
      console.log(`${ijb.id.padEnd(32)} ${ijb.name}: ${ijb.healthBoard}; ${ijb.council}`);
    return 0;
  }
  if (command !== 'add' || !id || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const profile = newIjbProfile({
    id,
    name: values.name,
    shortName: values.short,
    healthBoard: values['health-board'],
    councils: values.council ?? [],
    leadAgency: values['lead-agency'],
  });
  if (!profile.ok) {
    console.error(`Not added:\n${profile.problems.map((problem) => `  • ${problem}`).join('\n')}\n${USAGE}`);
    return 1;
  }
  const config = loadConfig();
  const dynamo = await openLocalDynamo(config);
  try {
    const added = await addIjbProfile(dynamo.db, config.TABLE_NAME, profile.ijb);
    if (!added) {
      console.error(`${id} is already in the register: nothing changed.`);
      return 1;
    }
    console.log(
      `Added ${profile.ijb.name} (${id}): directions to ${profile.ijb.healthBoard} and ${profile.ijb.council}. Import its papers with --ijb ${id}.`,
    );
    return 0;
  } finally {
    await dynamo.close();
  }
}

function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      short: { type: 'string' },
      'health-board': { type: 'string' },
      council: { type: 'string', multiple: true },
      'lead-agency': { type: 'boolean', default: false },
    },
  });
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
