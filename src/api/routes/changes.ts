import { createHash } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type ChangeField,
  checkAuthority,
  checkNewDirection,
  checkVariation,
} from '../../changes/change-input';
import { type ChangeRequest, type ChangeResult, createChangeService } from '../../changes/change-service';
import { changeLine } from '../../changes/views';
import { scopeAllows } from '../../domain/api-access';
import { viewOf } from '../../lookup/views';
import { createChangeStore } from '../../store/change-store';
import { type ApiEnv, requireGrant } from '../api-deps';
import type { ApiGrant } from '../api-keys';
import { apiUserOf } from '../api-permissions';
import { ApiProblem, problemResponses } from '../problem';
import { directionOf } from '../representations';
import { DirectionSchema } from '../schemas';
import { DirectionParams, YearParams, yearScope } from './register';

const security = [{ bearer: [] }];
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .openapi({ example: '2024-03-16' });

const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .openapi({ param: { name: 'idempotency-key', in: 'header' }, example: 'board-2024-03-16-5.9' }),
});

const AuthoritySchema = z
  .object({
    decidedOn: Day.openapi({ description: 'The day of the board meeting that decided it' }),
    reference: z.string().max(200).openapi({ example: 'paper 5.3' }),
    link: z.string().max(1000).optional(),
  })
  .openapi('ChangeAuthority');

const NewDirectionBodySchema = z
  .object({
    ref: z.string().max(40).openapi({ example: '5.9' }),
    theme: z.string().max(200),
    text: z.string().max(20_000),
    issuedTo: z.array(z.enum(['health-board', 'council'])).max(2),
    deadline: z.string().max(200).optional().openapi({ example: 'by January 2025' }),
    budget: z.string().max(2000).optional(),
    functions: z.array(z.string().max(500)).max(50).optional(),
    authority: AuthoritySchema,
  })
  .openapi('NewDirection');

const ChangeBodySchema = z
  .object({
    kind: z.enum(['vary', 'revoke', 'supersede']),
    text: z.string().max(20_000).optional(),
    deadline: z.string().max(200).optional().openapi({ description: 'As written; "none" clears it' }),
    supersededBy: z.string().max(40).optional().openapi({ description: 'supersede: the successor’s ref' }),
    authority: AuthoritySchema,
  })
  .openapi('DirectionChange');

const ChangedSchema = z
  .object({
    direction: DirectionSchema,
    change: z.object({
      id: z.string(),
      kind: z.string(),
      said: z.string().openapi({ example: 'Varied by the IJB on 16 Mar 2024, paper 5.3' }),
      authority: AuthoritySchema,
      at: z.string(),
    }),
  })
  .openapi('Changed');

const responses = {
  201: {
    description: 'Recorded (or, for a repeated Idempotency-Key, the change recorded the first time)',
    content: { 'application/json': { schema: ChangedSchema } },
  },
  ...problemResponses(400, 401, 403, 404, 409, 422, 429),
};

const STATUS = { forbidden: 403, 'not-found': 404, conflict: 409, invalid: 422 } as const;

/**
 * The board's mid-year changes, for a key with scope admin on the IJB: the same service, the
 * same checks and the same words as `/direction add|vary|revoke|supersede` in Slack.
 */
export function changeRoutes(api: OpenAPIHono<ApiEnv>): void {
  const prepare = async (
    // biome-ignore lint/suspicious/noExplicitAny: any route's context
    c: any,
    ijb: string,
    year: string,
    body: unknown,
  ) => {
    const grant: ApiGrant = await requireGrant(c, 'admin', ijb);
    const services = c.get('services');
    const scope = await yearScope(services, ijb, year);
    const key = c.req.valid('header')['idempotency-key'] as string;
    // Claimed once the body has passed its checks, so a corrected body may reuse the key.
    const claim = async () => {
      const hash = createHash('sha256')
        .update(JSON.stringify([c.req.path, body]))
        .digest('hex');
      if (
        (await services.idempotency.claim(grant.keyId, key, hash, new Date().toISOString())) === 'different'
      )
        throw new ApiProblem(
          422,
          `Idempotency-Key ${key} was used with another request body: use a new key.`,
        );
    };
    const { deps } = services;
    const service = createChangeService({
      store: deps.store,
      changes: createChangeStore(deps.db, deps.tableName),
      admins: {
        isAdmin: async (id: string) =>
          (grant.ijb === '*' || grant.ijb === id) && scopeAllows(grant.scope, 'admin'),
      },
      clock: deps.clock,
    });
    const request: ChangeRequest = {
      ijbId: ijb,
      planYear: scope.planYear,
      userId: apiUserOf(grant),
      via: 'api',
      requestKey: `api:${grant.keyId}:${key}`,
    };
    return { scope, service, request, claim };
  };
  const answer = (
    // biome-ignore lint/suspicious/noExplicitAny: any route's context
    c: any,
    scope: Parameters<typeof directionOf>[1],
    result: ChangeResult,
  ) => {
    if (result.kind === 'refused')
      throw new ApiProblem(
        STATUS[result.why],
        result.reason,
        result.field ? { errors: { [result.field]: result.reason } } : {},
      );
    const { note } = result;
    return c.json(
      {
        direction: directionOf(viewOf(result.direction, scope), scope),
        change: {
          id: note.id,
          kind: note.kind,
          said: changeLine(note).text,
          authority: note.authority,
          at: note.at,
        },
      },
      201,
      result.duplicate ? { 'idempotent-replayed': 'true' } : {},
    );
  };
  const invalid = (errors: Partial<Record<ChangeField, string>>) =>
    new ApiProblem(422, Object.values(errors).join('. '), { errors });

  api.openapi(
    createRoute({
      method: 'post',
      path: '/ijbs/{ijb}/years/{year}/directions',
      summary: 'Record a direction the board issued mid-year (scope admin)',
      security,
      request: {
        params: YearParams,
        headers: IdempotencyHeaders,
        body: { required: true, content: { 'application/json': { schema: NewDirectionBodySchema } } },
      },
      responses,
    }),
    async (c) => {
      const { ijb, year } = c.req.valid('param');
      const body = c.req.valid('json');
      const { scope, service, request, claim } = await prepare(c, ijb, year, body);
      const authority = checkAuthority(body.authority, scope.today);
      const input = checkNewDirection({
        ...body,
        recipients: body.issuedTo,
        functions: (body.functions ?? []).join('\n'),
      });
      if (!authority.ok || !input.ok)
        throw invalid({ ...(input.ok ? {} : input.errors), ...(authority.ok ? {} : authority.errors) });
      await claim();
      return answer(c, scope, await service.add(request, input.value, authority.value));
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/ijbs/{ijb}/years/{year}/directions/{ref}/changes',
      summary: 'Record the board varying, revoking or superseding a direction (scope admin)',
      security,
      request: {
        params: DirectionParams,
        headers: IdempotencyHeaders,
        body: { required: true, content: { 'application/json': { schema: ChangeBodySchema } } },
      },
      responses,
    }),
    async (c) => {
      const { ijb, year, ref } = c.req.valid('param');
      const body = c.req.valid('json');
      const { scope, service, request, claim } = await prepare(c, ijb, year, body);
      const authority = checkAuthority(body.authority, scope.today);
      if (!authority.ok) throw invalid(authority.errors);
      if (body.kind === 'supersede' && !body.supersededBy)
        throw invalid({ ref: 'supersede needs supersededBy: the successor’s ref' });
      const input = body.kind === 'vary' ? checkVariation(body) : undefined;
      if (input && !input.ok) throw invalid(input.errors);
      await claim();
      if (input?.ok) return answer(c, scope, await service.vary(request, ref, input.value, authority.value));
      if (body.kind === 'revoke')
        return answer(c, scope, await service.revoke(request, ref, authority.value));
      return answer(
        c,
        scope,
        await service.supersede(request, ref, body.supersededBy ?? '', authority.value),
      );
    },
  );
}
