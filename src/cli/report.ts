import '../local/quiet-sdk-notice';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { openLocalDynamo } from '../local/local-dynamo';
import { buildBoardReport, ReportError, ReportFormatSchema } from '../report';
import { createDynamoRegisterStore } from '../store/dynamo-register-store';
import { createImportStore } from '../store/import-store';
import { createReviewStore } from '../store/review-store';

const USAGE =
  'Usage: npm run report -- --ijb <id> --year <YYYY-YY> [--round <name>] --format docx|csv|md|json --out <file>';

/**
 * `npm run report`: the board paper from the register — the local one of a running
 * `npm start`, or whichever AWS_ENDPOINT_URL_DYNAMODB points at. Exit 0 written, 1 refused, 2 usage.
 */
async function main(): Promise<number> {
  let values: ReturnType<typeof parseOptions>['values'];
  try {
    ({ values } = parseOptions());
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const format = ReportFormatSchema.safeParse(values.format);
  if (!values.ijb || !values.year || !format.success || !values.out) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const dynamo = await openLocalDynamo(config);
  try {
    const store = createDynamoRegisterStore(dynamo.db, config.TABLE_NAME);
    const imports = createImportStore(dynamo.db, config.TABLE_NAME);
    const file = await buildBoardReport(
      {
        sources: { getIjb: store.getIjb, readYear: imports.readYear },
        rounds: createReviewStore(dynamo.db, config.TABLE_NAME),
        clock: () => new Date(),
      },
      {
        ijb: values.ijb,
        year: values.year,
        format: format.data,
        ...(values.round ? { round: values.round } : {}),
      },
    );
    await writeFile(values.out, file.bytes);
    console.log(`Wrote ${values.out} (${file.bytes.length} bytes, ${file.contentType}).`);
    return 0;
  } catch (error) {
    if (error instanceof ReportError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await dynamo.close();
  }
}

function parseOptions() {
  return parseArgs({
    options: {
      ijb: { type: 'string' },
      year: { type: 'string' },
      round: { type: 'string' },
      format: { type: 'string', default: 'docx' },
      out: { type: 'string' },
    },
  });
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
