import * as z from 'zod';
import {
  type HistoryEvent,
  type ProgressUpdate,
  ProgressUpdateSchema,
  SignOffDecisionSchema,
} from '../domain/progress-update';
import { stripKeys } from './conditional-write';

type Item = Record<string, unknown>;

/** Where a page of history stops: the last item's keys, handed out opaque. */
const CursorSchema = z.object({ pk: z.string(), sk: z.string(), gsi1pk: z.string(), gsi1sk: z.string() });

export function toUpdate(item: Item): ProgressUpdate {
  return ProgressUpdateSchema.parse(stripKeys(item));
}

export function toEvent(item: Item): HistoryEvent {
  return item.type === 'SignOffDecision'
    ? { kind: 'decision', decision: SignOffDecisionSchema.parse(stripKeys(item)) }
    : { kind: 'update', update: toUpdate(item) };
}

export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** A cursor comes back from a button: it is checked, never trusted. */
export function decodeCursor(cursor: string): z.infer<typeof CursorSchema> | undefined {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
