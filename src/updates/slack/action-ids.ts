import * as z from 'zod';

/** Action ids and view callbacks of the updates capability. */
export const UPDATE_ACTIONS = {
  form: 'update.form',
  sendBackForm: 'update.send-back-form',
  undo: 'update.undo',
  edit: 'update.edit',
  olderHistory: 'update.history.older',
  approve: 'update.sign-off.approve',
  sendBack: 'update.sign-off.send-back',
  convoStatus: 'update.convo.status',
  convoChoose: 'update.convo.choose',
  convoSave: 'update.convo.save',
  convoEdit: 'update.convo.edit',
  convoCancel: 'update.convo.cancel',
  /** "Send it to 5.1": a one-line update typed against a wrong ref, carried on. */
  carryOn: 'update.carry-on',
} as const;

const KeySchema = z.object({ ijbId: z.string().min(1), planYear: z.string().min(1), ref: z.string().min(1) });

/** Undo, Edit, Approve, Send back: which update of which direction. */
export const UpdateButtonSchema = KeySchema.extend({ id: z.string().min(1) });
export type UpdateButton = z.infer<typeof UpdateButtonSchema>;

export const HistoryButtonSchema = KeySchema.extend({
  cursor: z.string().min(1).max(1500),
  page: z.number().int().min(1).max(10_000).default(2),
});
export type HistoryButton = z.infer<typeof HistoryButtonSchema>;

/** A conversation's buttons: where it is (channel, thread), which one, and the choice. */
export const ConversationButtonSchema = z.object({
  c: z.string().min(1),
  t: z.string().min(1),
  i: z.string().min(1),
  k: KeySchema.optional(),
  s: z.string().optional(),
  r: z.string().optional(),
});
export type ConversationButton = z.infer<typeof ConversationButtonSchema>;

/** What the update form carries between opening and submission (Slack keeps it, the user cannot change it). */
export const FormMetadataSchema = KeySchema.extend({
  mode: z.enum(['new', 'edit', 'conversation']),
  id: z.string().optional(),
  convo: ConversationButtonSchema.optional(),
  /** Where the person typed the request that opened the form (see OpenFormRequest.typedIn). */
  typedIn: z.string().optional(),
});
export type FormMetadata = z.infer<typeof FormMetadataSchema>;

/** What the "Send back" form carries: the proposal, and the admin's message to mark as decided. */
export const SendBackMetadataSchema = UpdateButtonSchema.extend({
  channel: z.string().optional(),
  ts: z.string().optional(),
});
export type SendBackMetadata = z.infer<typeof SendBackMetadataSchema>;

export function parseValue<T>(schema: z.ZodType<T>, text: string | undefined): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(text ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
