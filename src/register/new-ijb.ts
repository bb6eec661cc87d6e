import * as z from 'zod';
import { IjbIdSchema } from '../domain/direction';
import { type Ijb, IjbSchema } from '../domain/ijb';
import { IJB_PROFILES } from './ijb-profiles';

const Name = z.string().trim().min(3).max(200);

/** What someone adding an IJB gives: its id, names and partners. */
export const NewIjbSchema = z
  .object({
    id: IjbIdSchema,
    name: Name.regex(/\b(?:Integration Joint Board|IJB|Partnership)\b/i, {
      message: 'The name is the board\'s own, like "West Lothian Integration Joint Board"',
    }),
    shortName: Name,
    healthBoard: Name.regex(/\bNHS\b|\bHealth Board\b/i, {
      message: 'The health board is named as it names itself, like "NHS Lothian"',
    }),
    councils: z
      .array(
        Name.regex(/\bCouncil\b|\bComhairle\b/i, { message: 'A council is named like "Stirling Council"' }),
      )
      .min(1)
      .max(4),
    leadAgency: z.boolean().default(false),
  })
  .refine((ijb) => !IJB_PROFILES[ijb.id], {
    message: 'That IJB is known out of the box: there is nothing to add',
    path: ['id'],
  });

/** A validated profile for the register, or what is wrong with the request. */
export function newIjbProfile(input: unknown): { ok: true; ijb: Ijb } | { ok: false; problems: string[] } {
  const parsed = NewIjbSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`),
    };
  const { councils, leadAgency, ...names } = parsed.data;
  return {
    ok: true,
    ijb: IjbSchema.parse({
      ...names,
      council: councils.join(' and '),
      ...(councils.length > 1 ? { councils } : {}),
      ...(leadAgency ? { model: 'lead-agency' } : {}),
      settings: {},
    }),
  };
}
