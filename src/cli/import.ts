import '../local/quiet-sdk-notice';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, productClock } from '../config';
import { importPaper } from '../import/import-paper';
import { resultJson, resultText } from '../import/report';
import { openLocalDynamo } from '../local/local-dynamo';
import { createDynamoRegisterStore } from '../store/dynamo-register-store';
import { createImportStore } from '../store/import-store';

const USAGE = 'Usage: npm run import -- <file> --ijb <id> --year <YYYY-YY> [--dry-run] [--json]';

/**
 * `npm run import`: a Directions paper into the register — the local one, or whichever
 * AWS_ENDPOINT_URL_DYNAMODB points at. Exit 0 imported (or nothing to do), 1 refused, 2 usage.
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
  const [file] = positionals;
  if (!file || !values.ijb || !values.year || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    console.error(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
    return 2;
  }
  const config = loadConfig();
  const dynamo = await openLocalDynamo(config);
  try {
    const result = await importPaper(
      {
        store: createDynamoRegisterStore(dynamo.db, config.TABLE_NAME),
        imports: createImportStore(dynamo.db, config.TABLE_NAME),
        clock: productClock(config),
      },
      {
        bytes,
        fileName: file,
        ijbId: values.ijb,
        planYear: values.year,
        dryRun: values['dry-run'],
        by: values.by ?? `cli:${userInfo().username}`,
      },
    );
    console.log(values.json ? JSON.stringify(resultJson(result), null, 2) : resultText(result));
    return result.status === 'refused' ? 1 : 0;
  } finally {
    await dynamo.close();
  }
}

function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    options: {
      ijb: { type: 'string' },
      year: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      by: { type: 'string' },
    },
  });
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
