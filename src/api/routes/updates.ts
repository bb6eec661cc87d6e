import { createHash } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { decodeCursor } from '../../store/update-store';
import { type RawUpdate, validateUpdate } from '../../updates/update-input';
import { keyOf } from '../../updates/update-service';
import { type ApiEnv, requireGrant } from '../api-deps';
import { apiUserOf } from '../api-permissions';
import { ApiProblem, problemResponses } from '../problem';
import { eventOf, updateOf } from '../representations';
import { HistoryPageSchema, PageQuerySchema, SavedUpdateSchema, UpdateBodySchema } from '../schemas';
import { DirectionParams, yearScope } from './register';

const security = [{ bearer: [] }];

const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      example: 'c1f0e6f2-2d1a-4c39-9c1e-5b1f0a7d9e10',
    }),
});

/** The update form's field names, as the API calls them. */
const FIELD_NAMES: Record<keyof RawUpdate, string> = {
  status: 'status',
  text: 'text',
  evidence: 'evidence',
  expectedDate: 'revisedDate',
  nextSteps: 'nextSteps',
  body: 'body',
};

export function updateRoutes(api: OpenAPIHono<ApiEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/ijbs/{ijb}/years/{year}/directions/{ref}/updates',
      summary: 'A direction’s history: updates and sign-off decisions, newest first',
      security,
      request: { params: DirectionParams, query: PageQuerySchema },
      responses: {
        200: {
          description: 'A page of history',
          content: { 'application/json': { schema: HistoryPageSchema } },
        },
        ...problemResponses(400, 401, 403, 404, 429),
      },
    }),
    async (c) => {
      const { ijb, year, ref } = c.req.valid('param');
      const { limit, cursor } = c.req.valid('query');
      await requireGrant(c, 'read', ijb);
      const services = c.get('services');
      const scope = await yearScope(services, ijb, year);
      const direction = await services.deps.store.getDirection(ijb, scope.planYear, ref);
      if (!direction)
        throw new ApiProblem(404, `No direction ${ref} in ${scope.ijb.shortName} ${scope.planYear}.`);
      if (cursor && !decodeCursor(cursor))
        throw new ApiProblem(400, 'cursor is not one this history gave out');
      const page = await services.updates.history(keyOf(direction), { limit, ...(cursor ? { cursor } : {}) });
      return c.json({ events: page.events.map(eventOf), ...(page.next ? { next: page.next } : {}) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/ijbs/{ijb}/years/{year}/directions/{ref}/updates',
      summary: 'Report progress on a direction (as the Slack form does)',
      description:
        'Needs scope write. Achieved and retired are proposals until an IJB admin signs them off in Slack. ' +
        'The same Idempotency-Key with the same body returns the same update (stored once); with another body, 422.',
      security,
      request: {
        params: DirectionParams,
        headers: IdempotencyHeaders,
        body: { required: true, content: { 'application/json': { schema: UpdateBodySchema } } },
      },
      responses: {
        201: {
          description: 'Saved (or, for a repeated Idempotency-Key, the update saved the first time)',
          headers: {
            'Idempotent-Replayed': { schema: { type: 'string' }, description: '"true" on a repeat' },
          },
          content: { 'application/json': { schema: SavedUpdateSchema } },
        },
        ...problemResponses(400, 401, 403, 404, 413, 422, 429, 503),
      },
    }),
    async (c) => {
      const { ijb, year, ref } = c.req.valid('param');
      const idempotencyKey = c.req.valid('header')['idempotency-key'];
      const body = c.req.valid('json');
      const grant = await requireGrant(c, 'write', ijb);
      const services = c.get('services');
      const scope = await yearScope(services, ijb, year);
      const direction = await services.deps.store.getDirection(ijb, scope.planYear, ref);
      if (!direction)
        throw new ApiProblem(404, `No direction ${ref} in ${scope.ijb.shortName} ${scope.planYear}.`);

      // The same checks, with the same words, as an update typed in Slack.
      const checked = validateUpdate(
        {
          status: body.status,
          text: body.text,
          evidence: body.evidence.join('\n'),
          expectedDate: body.revisedDate,
          nextSteps: body.nextSteps,
        },
        scope.today,
      );
      if (!checked.ok) {
        const errors = Object.fromEntries(
          Object.entries(checked.problems).map(([field, message]) => [
            FIELD_NAMES[field as keyof RawUpdate],
            message,
          ]),
        );
        throw new ApiProblem(422, Object.values(errors).join('. '), { errors });
      }

      if (body.body && !direction.issuedTo.includes(body.body)) {
        const errors = { body: `${direction.ref} is issued to ${direction.issuedTo.join(' and ')} only` };
        throw new ApiProblem(422, errors.body, { errors });
      }

      const bodyHash = createHash('sha256')
        .update(JSON.stringify([ijb, scope.planYear, direction.ref, body]))
        .digest('hex');
      const claim = await services.idempotency.claim(
        grant.keyId,
        idempotencyKey,
        bodyHash,
        new Date().toISOString(),
      );
      if (claim === 'different') {
        throw new ApiProblem(
          422,
          `Idempotency-Key ${idempotencyKey} was used with another request body: use a new key for a new update.`,
        );
      }
      const result = await services.updateServiceFor(grant).save({
        direction,
        userId: apiUserOf(grant),
        content: checked.content,
        via: 'api',
        idempotencyKey: `api:${grant.keyId}:${idempotencyKey}`,
        ...(body.body ? { body: body.body } : {}),
      });
      if (result.kind === 'refused') throw new ApiProblem(403, result.reason);
      if (result.kind === 'not-saved') {
        throw new ApiProblem(
          503,
          `Not saved: ${result.reason}. Send it again with the same Idempotency-Key.`,
          {
            headers: { 'retry-after': '5' },
          },
        );
      }
      return c.json({ update: updateOf(result.update) }, 201, {
        ...(result.duplicate ? { 'idempotent-replayed': 'true' } : {}),
      });
    },
  );
}
