import '../local/quiet-sdk-notice';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { createApiKeys } from '../api/api-keys';
import { ConfigError, loadConfig } from '../config';
import { ApiKeyIjbSchema, ApiScopeSchema } from '../domain/api-access';
import { openLocalDynamo } from '../local/local-dynamo';
import { createApiKeyStore } from '../store/api-key-store';

const USAGE = [
  'Usage: npm run apikey -- create --ijb <id|*> --scope read|write|admin --name "<who uses it>"',
  '       npm run apikey -- list',
  '       npm run apikey -- revoke <key id>',
].join('\n');

/**
 * `npm run apikey`: API keys for partners' systems, in the register a running `npm start`
 * uses (or AWS_ENDPOINT_URL_DYNAMODB). The key is printed once; only its hash is kept.
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
  const [command, ...rest] = positionals;
  if (command === 'create') {
    const scope = ApiScopeSchema.safeParse(values.scope);
    const ijb = ApiKeyIjbSchema.safeParse(values.ijb);
    if (!scope.success || !ijb.success || !values.name?.trim() || rest.length > 0) {
      console.error(
        `create needs --ijb (an IJB id, or * for all), --scope read|write|admin and --name.\n${USAGE}`,
      );
      return 2;
    }
    return withKeys(async (keys) => {
      const { key, record } = await keys.create({
        name: values.name?.trim() ?? '',
        scope: scope.data,
        ijb: ijb.data,
        by: `cli:${userInfo().username}`,
      });
      console.log(
        `Created API key ${record.id} “${record.name}” (${record.scope}, ${record.ijb === '*' ? 'every IJB' : record.ijb}).\n` +
          'The key is shown once — store it now; only its hash is kept:\n\n' +
          `  ${key}\n\nUse it as: Authorization: Bearer ${key.slice(0, 22)}…`,
      );
      return 0;
    });
  }
  if (command === 'list' && rest.length === 0) {
    return withKeys(async (keys) => {
      const all = await keys.list();
      if (all.length === 0) console.log('No API keys yet.');
      for (const k of all) {
        console.log(
          [
            k.id,
            k.name,
            k.scope,
            k.ijb === '*' ? 'every IJB' : k.ijb,
            `created ${k.createdAt}`,
            k.lastUsedAt ? `last used ${k.lastUsedAt}` : 'never used',
            ...(k.revokedAt ? [`REVOKED ${k.revokedAt}`] : []),
          ].join('  '),
        );
      }
      return 0;
    });
  }
  if (command === 'revoke' && rest.length === 1 && rest[0]) {
    const id = rest[0];
    return withKeys(async (keys) => {
      if (await keys.revoke(id)) {
        console.log(`Revoked API key ${id}: requests with it now get 401.`);
        return 0;
      }
      console.error(`No API key ${id} to revoke (see npm run apikey -- list; it may be revoked already).`);
      return 1;
    });
  }
  console.error(USAGE);
  return 2;
}

async function withKeys(work: (keys: ReturnType<typeof createApiKeys>) => Promise<number>): Promise<number> {
  const config = loadConfig();
  const dynamo = await openLocalDynamo(config);
  try {
    return await work(
      createApiKeys({ keys: createApiKeyStore(dynamo.db, config.TABLE_NAME), clock: () => new Date() }),
    );
  } finally {
    await dynamo.close();
  }
}

function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    options: { ijb: { type: 'string' }, scope: { type: 'string' }, name: { type: 'string' } },
  });
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
