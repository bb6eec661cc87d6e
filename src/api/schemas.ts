import { z } from '@hono/zod-openapi';
import { DirectionStatusSchema, RecipientSchema } from '../domain/direction';
import { UpdateStatusSchema } from '../domain/progress-update';

/**
 * What the API answers with, as zod schemas: the handlers build these shapes, and the OpenAPI
 * document is generated from them, so the two cannot drift.
 */
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .openapi({ format: 'date', example: '2025-01-31' });
const PlanYear = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .openapi({ example: '2023-24' });

export const IjbSchema = z
  .object({
    id: z.string().openapi({ example: 'midlothian' }),
    name: z.string(),
    shortName: z.string(),
    latestPlanYear: PlanYear.optional(),
  })
  .openapi('Ijb');

export const IjbListSchema = z.object({ ijbs: z.array(IjbSchema) }).openapi('IjbList');

export const PlanYearSchema = z
  .object({
    planYear: PlanYear,
    title: z.string(),
    source: z.string(),
    loadedAt: z.string(),
    directionCount: z.number().int(),
  })
  .openapi('PlanYear');

export const YearListSchema = z
  .object({ ijb: z.string(), years: z.array(PlanYearSchema) })
  .openapi('YearList');

const StandingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('due'), workingDaysLeft: z.number().int() }),
  z.object({ kind: z.literal('due-today') }),
  z.object({ kind: z.literal('overdue'), workingDaysOver: z.number().int() }),
]);

export const DeadlineSchema = z
  .object({
    kind: z.enum(['month', 'day', 'years']),
    asWritten: z.string().openapi({ example: 'by January 2025' }),
    dueDate: Day.optional(),
    standing: StandingSchema.optional(),
  })
  .openapi('Deadline');

const LinkSchema = z.object({ planYear: PlanYear, ref: z.string(), href: z.string() });

export const DirectionSchema = z
  .object({
    ref: z.string().openapi({ example: '5.1' }),
    href: z.string(),
    theme: z.string(),
    title: z.string().optional(),
    text: z.string(),
    recipients: z.array(RecipientSchema),
    issuedTo: z.string().openapi({ example: 'NHS Lothian and Midlothian Council' }),
    status: DirectionStatusSchema,
    statusLabel: z.string(),
    deadlines: z.array(DeadlineSchema),
    hasLead: z.boolean(),
    latestUpdate: z
      .object({
        at: z.string(),
        status: DirectionStatusSchema,
        text: z.string(),
        proposal: z.enum(['achieved', 'retired']).optional(),
        signOff: z.enum(['pending', 'approved', 'sent-back']).optional(),
      })
      .optional(),
    lifecycle: z.object({ state: z.string(), outcome: z.string().optional() }).optional(),
    supersedes: z.array(LinkSchema).optional(),
    supersededBy: z.array(LinkSchema).optional(),
    link: z.string().optional(),
  })
  .openapi('Direction');

export const DirectionPageSchema = z
  .object({
    today: Day,
    ijb: z.string(),
    planYear: PlanYear,
    total: z.number().int().openapi({ description: 'How many directions match the filters, on every page' }),
    directions: z.array(DirectionSchema),
    next: z.string().optional().openapi({ description: 'Pass as `cursor` for the next page' }),
  })
  .openapi('DirectionPage');

export const DirectionResultSchema = z
  .object({ today: Day, direction: DirectionSchema })
  .openapi('DirectionResult');

export const UpdateSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    by: z
      .string()
      .openapi({ description: 'A Slack user id, or api:<key id> for an update made through the API' }),
    via: z.enum(['form', 'line', 'conversation', 'api']),
    status: UpdateStatusSchema,
    text: z.string(),
    evidence: z.array(z.string()),
    revisedDate: Day.optional(),
    nextSteps: z.string().optional(),
    signOff: z.object({ state: z.enum(['pending', 'approved', 'sent-back']) }).optional(),
    withdrawn: z.boolean().optional(),
    body: RecipientSchema.optional().openapi({
      description: 'The partner it was made on behalf of; absent: for the whole direction',
    }),
  })
  .openapi('Update');

export const HistoryEventSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('update'), update: UpdateSchema }),
    z.object({
      kind: z.literal('decision'),
      decision: z.object({
        updateId: z.string(),
        at: z.string(),
        proposal: z.enum(['achieved', 'retired']),
        outcome: z.enum(['approved', 'sent-back']),
        reason: z.string().optional(),
      }),
    }),
  ])
  .openapi('HistoryEvent');

export const HistoryPageSchema = z
  .object({ events: z.array(HistoryEventSchema), next: z.string().optional() })
  .openapi('HistoryPage');

/** The body of POST …/updates. Shape only: the update service's own rules check the rest. */
export const UpdateBodySchema = z
  .object({
    status: UpdateStatusSchema,
    text: z.string().max(3000),
    evidence: z.array(z.string().max(500)).max(5).default([]),
    revisedDate: Day.optional(),
    nextSteps: z.string().max(1500).optional(),
    body: RecipientSchema.optional().openapi({
      description:
        'The partner the update is made on behalf of, for a direction issued to both. Without it: the body the key’s lead answers for, the only recipient, or else the whole direction',
    }),
  })
  .strict()
  .openapi('UpdateBody');

export const SavedUpdateSchema = z.object({ update: UpdateSchema }).openapi('SavedUpdate');

export const ListQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .openapi({ description: 'Comma-separated statuses, e.g. at-risk,off-track', example: 'at-risk' }),
  recipient: RecipientSchema.optional(),
  theme: z.string().max(200).optional().openapi({ description: 'Words of the theme name' }),
  lead: z
    .string()
    .regex(/^[UW][A-Z0-9]{2,}$/)
    .optional()
    .openapi({ description: 'A lead’s Slack user id' }),
  dueBefore: Day.optional().openapi({ description: 'Has a deadline due on or before this day' }),
  dueAfter: Day.optional().openapi({ description: 'Has a deadline due on or after this day' }),
  q: z.string().max(200).optional().openapi({ description: 'Search words (ranked; typos forgiven)' }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

export const StatusListSchema = z.array(DirectionStatusSchema);
