import { createHash } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { ImportResult } from '../../import/import-paper';
import { createImportStore } from '../../store/import-store';
import { type ApiEnv, requireGrant } from '../api-deps';
import { apiUserOf } from '../api-permissions';
import { ApiProblem, problemResponses } from '../problem';
import { IjbParam } from './register';

/**
 * The largest paper the API takes. On AWS the body arrives base64-encoded inside Lambda's 6 MB
 * invocation payload (about 4.5 MB of file), so 4 MB is what both runtimes can promise alike; a
 * real paper is some hundred KB of Word XML and, with images, a few MB. Bigger files (the
 * importer reads up to 20 MB) go through Slack or `npm run import`.
 */
export const MAX_PAPER_BYTES = 4 * 1024 * 1024;
export const IMPORTS_PATH = /\/ijbs\/[^/]+\/imports$/;

/** The file's kind from its Content-Type, as the importer tells kinds by their extension. */
const EXTENSIONS: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/csv': 'csv',
  'application/json': 'json',
};
// Plain JSON Schema, not zod: no validator may parse (or re-serialise) the bytes that are hashed.
const binary = { type: 'string' as const, format: 'binary' };

const ImportQuerySchema = z.object({
  year: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'A plan year looks like 2023-24')
    .optional()
    .openapi({ description: 'The plan year, when the paper’s title does not say it' }),
  filename: z
    .string()
    .regex(/^[^/\\]{1,120}$/, 'A file name without folders')
    .optional()
    .openapi({ description: 'The paper’s file name, as the register records its source' }),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'The sha256 of the dry run: 64 lower-case hex digits')
    .optional()
    .openapi({ description: 'Absent: a dry run. The dry run’s sha256: apply that same paper.' }),
});

const Counts = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  dropped: z.number().int(),
  returned: z.number().int(),
});
export const ImportOutcomeSchema = z
  .object({
    status: z.enum(['dry-run', 'applied', 'unchanged']),
    ijb: z.string(),
    planYear: z.string(),
    source: z.string(),
    sha256: z.string().openapi({ description: 'Send it back as ?sha256= to apply this paper' }),
    newYear: z.boolean(),
    directions: z.number().int(),
    refs: z.object({
      added: z.array(z.string()),
      changed: z.array(z.string()),
      dropped: z.array(z.string()),
    }),
    counts: Counts,
    warnings: z.array(z.string()),
  })
  .openapi('ImportOutcome');

const RefusalSchema = z.object({ message: z.string(), hint: z.string().optional() });

/**
 * `POST /ijbs/{ijb}/imports`, as the Slack flow does it: send the paper and get the dry run
 * (what it would add, change and flag) with the file's sha256; send the same paper again
 * with `?sha256=` to import it. The body is the file itself (curl --data-binary @paper.docx):
 * the hash is of the exact bytes, with no base64 to undo, and nothing is parsed here but by
 * the bounded reader.
 */
export function importRoutes(api: OpenAPIHono<ApiEnv>): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/ijbs/{ijb}/imports',
      summary: 'Load a Directions paper: a dry run, then apply it with the dry run’s sha256',
      security: [{ bearer: [] }],
      middleware: [
        bodyLimit({
          maxSize: MAX_PAPER_BYTES,
          onError: () => {
            throw new ApiProblem(
              413,
              `The paper is over ${MAX_PAPER_BYTES / 1024 / 1024} MB; import it with npm run import or in Slack (up to 20 MB).`,
            );
          },
        }),
      ] as const,
      request: {
        params: IjbParam,
        query: ImportQuerySchema,
        body: {
          required: false, // an empty body is refused by the importer, with its reason (422)
          description: 'The paper file: .docx, .pdf, .txt/.md, or the canonical .csv/.json',
          content: Object.fromEntries(Object.keys(EXTENSIONS).map((type) => [type, { schema: binary }])),
        },
      },
      responses: {
        200: {
          description: 'The dry run, or the import done (or nothing to change)',
          content: { 'application/json': { schema: ImportOutcomeSchema } },
        },
        ...problemResponses(400, 401, 403, 409, 413, 415, 422, 429, 503),
      },
    }),
    async (c) => {
      const { ijb } = c.req.valid('param');
      const { year, filename, sha256 } = c.req.valid('query');
      const grant = await requireGrant(c, 'admin', ijb);
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const extension = EXTENSIONS[type];
      if (!extension)
        throw new ApiProblem(
          415,
          `A paper is sent as one of ${Object.keys(EXTENSIONS).join(', ')}; this was "${type || 'no Content-Type'}".`,
        );
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const fileName = filename ?? `paper.${extension}`;
      // The content previewed is the content imported: compared before anything is read or written.
      if (sha256 && createHash('sha256').update(bytes).digest('hex') !== sha256)
        throw new ApiProblem(
          409,
          `This ${fileName} is not the paper of the dry run (its sha256 differs). POST it without sha256 to see what it would change.`,
        );
      const { deps } = c.get('services');
      const { importPaper } = await import('../../import/import-paper');
      let result: ImportResult;
      try {
        result = await importPaper(
          {
            store: deps.store,
            imports: createImportStore(deps.db, deps.tableName),
            clock: deps.clock,
            ...(deps.paperReader ? { reader: deps.paperReader } : {}),
          },
          {
            bytes,
            fileName,
            ijbId: ijb,
            ...(year ? { planYear: year } : {}),
            dryRun: !sha256,
            by: apiUserOf(grant),
          },
        );
      } catch (error) {
        deps.log(`API import of ${fileName} stopped`, error);
        throw new ApiProblem(
          503,
          'The import stopped before it finished; the year stays as it was. POST the same paper with the same sha256 again to complete it.',
        );
      }
      if (result.status === 'refused') {
        const [first] = result.problems;
        throw new ApiProblem(
          422,
          `${fileName} was not imported: ${first?.message ?? 'it could not be read'}`,
          {
            errors: Object.fromEntries(
              result.problems.map((problem, i) => [`problem ${i + 1}`, problem.message + hintOf(problem)]),
            ),
          },
        );
      }
      return c.json(outcomeOf(result, fileName), 200);
    },
  );
}

const hintOf = (problem: z.infer<typeof RefusalSchema>) => (problem.hint ? ` ${problem.hint}` : '');

function outcomeOf(
  result: Exclude<ImportResult, { status: 'refused' }>,
  source: string,
): z.infer<typeof ImportOutcomeSchema> {
  const { diff } = result;
  return {
    status: result.status,
    ijb: result.ijb.id,
    planYear: result.planYear,
    source,
    sha256: result.sha256,
    newYear: diff.newYear,
    directions: result.paper.directions.length,
    refs: {
      added: diff.added.map((d) => d.ref),
      changed: diff.changed.map((change) => change.after.ref),
      dropped: diff.dropped.map((d) => d.ref),
    },
    counts: {
      added: diff.added.length,
      changed: diff.changed.length,
      unchanged: diff.unchanged.length,
      dropped: diff.dropped.length,
      returned: diff.returned.length,
    },
    warnings: result.warnings.map((warning) => warning.message),
  };
}
