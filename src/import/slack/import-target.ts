import * as z from 'zod';
import { IjbIdSchema } from '../../domain/direction';
import { normalisePlanYear } from '../../domain/plan-year';

/** What the officer typed with the file: "east-lothian 2019-20", or nothing. */
export function targetOf(text: string, knownIjbs: readonly string[]): { ijbId?: string; planYear?: string } {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const ijbId = words.find((word) => knownIjbs.includes(word));
  const planYear = words.map((word) => normalisePlanYear(word)).find((year) => year !== undefined);
  return { ...(ijbId ? { ijbId } : {}), ...(planYear ? { planYear } : {}) };
}

/** A file import in flight: what the preview's buttons carry, and the jobs' payloads. */
export const ImportTicketSchema = z.object({
  fileId: z.string().regex(/^F[A-Z0-9]+$/),
  ijbId: IjbIdSchema,
  planYear: z.string().optional(),
  userId: z.string().min(1),
  channel: z.string().min(1),
  /** The file as previewed: the confirm imports exactly that content. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type ImportTicket = z.infer<typeof ImportTicketSchema>;
