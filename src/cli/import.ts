import '../local/quiet-sdk-notice';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, productClock } from '../config';
import { importPaper } from '../import/import-paper';
import { createWorkerReader } from '../import/read-in-worker';
import { resultJson, resultText } from '../import/report';
import { openLocalDynamo } from '../local/local-dynamo';
import { createDynamoRegisterStore } from '../store/dynamo-register-store';
import { createImportStore } from '../store/import-store';

const USAGE =
  'Usage: npm run import -- <file> [--ijb <id>] [--year <YYYY-YY>] [--dry-run] [--json] [--resume]  (--ijb and --year may be left out when the paper says them)';

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
  if (!file || positionals.length > 1) {
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
        // Read and parsed in a worker thread with a memory ceiling: a hostile file is refused, not fatal.
        reader: createWorkerReader(),
      },
      {
        bytes,
        fileName: file,
        ...(values.ijb ? { ijbId: values.ijb } : {}),
        ...(values.year ? { planYear: values.year } : {}),
        dryRun: values['dry-run'],
        resume: values.resume,
        by: values.by ?? `cli:${userInfo().username}`,
      },
    );
    await print(values.json ? JSON.stringify(resultJson(result), null, 2) : resultText(result));
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
      resume: { type: 'boolean', default: false },
    },
  });
}

/**
 * Writes all of it before the process exits: to a pipe, stdout is asynchronous and
 * process.exit() drops what is still queued (a 1.2 MB --json cut at 128 KB).
 */
function print(text: string): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stdout.write(`${text}\n`, (error) => (error ? reject(error) : resolve())),
  );
}

main()
  .then((code) => process.exit(code))
  .catch(async (error: unknown) => {
    // A report, never a stack trace: what went wrong, and that a rerun completes it.
    console.error(
      error instanceof ConfigError
        ? error.message
        : `The import stopped: ${String((error as Error)?.message ?? error)}\nNothing half-done is visible: run the same command again (or with --resume) to complete it.`,
    );
    process.exit(1);
  });
