import * as z from 'zod';
import { addDays, formatDay, type LocalDate, LocalDateSchema } from '../domain/local-date';
import { proposalOf, type UpdateContent, UpdateStatusSchema } from '../domain/progress-update';
import { plainText } from './slack-text';

// Sized so a history page of ten full updates stays within Block Kit's limits.
export const LIMITS = { text: 3000, nextSteps: 1500, link: 500, links: 5 } as const;

/** The fields of an update as they arrive from a form, one line or a conversation: text, unchecked. */
export interface RawUpdate {
  status?: string | undefined;
  text?: string | undefined;
  /** Links, one per line (or separated by spaces or commas). */
  evidence?: string | undefined;
  expectedDate?: string | undefined;
  nextSteps?: string | undefined;
  /** On whose behalf (a Recipient: 'health-board' or 'council'), when the form asked. */
  body?: string | undefined;
}
export type UpdateField = keyof RawUpdate;

export type ValidatedUpdate =
  | { ok: true; content: UpdateContent }
  | { ok: false; problems: Partial<Record<UpdateField, string>> };

const thousands = (count: number) => count.toLocaleString('en-GB');

function tooLong(limit: number, what: string) {
  return (issue: { input?: unknown }) =>
    `${what} is ${thousands(String(issue.input ?? '').length)} characters; keep it to ${thousands(limit)} (link a longer report as evidence)`;
}

const optionalText = z
  .string()
  .optional()
  .transform((value) => {
    const trimmed = plainText(value ?? '').trim();
    return trimmed === '' ? undefined : trimmed;
  });

/**
 * A well-formed http(s) URL with a dotted host, and none of the characters Slack's markup
 * gives meaning to (`<`, `>`, `|`) or whitespace: evidence is a link, never markup.
 */
function isLink(word: string): boolean {
  if (!/^https?:\/\/[^\s.<>|]+\.[^\s<>|]+$/i.test(word) || !URL.canParse(word)) return false;
  const url = new URL(word);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
}

/** Every check an update must pass, with the exact words a person sees when it does not. */
export function updateInputSchema(today: LocalDate) {
  return z
    .object({
      status: z.enum(UpdateStatusSchema.options, { error: 'Pick a status' }),
      text: optionalText.pipe(
        z
          .string({ error: 'Say what has happened since the last update' })
          .max(LIMITS.text, { error: tooLong(LIMITS.text, 'That') }),
      ),
      evidence: optionalText.transform((value, context) => {
        const links: string[] = [];
        for (const line of (value ?? '')
          .split('\n')
          .map((text) => text.trim())
          .filter(Boolean)) {
          const words = line.split(/[\s,]+/).filter(Boolean);
          // A line with no link in it is a description, not a link: name the whole line.
          const bad = words.every((word) => !isLink(word)) ? line : words.find((word) => !isLink(word));
          if (bad) {
            const message = /^https?:\/\//i.test(bad)
              ? `“${bad}” is not a well-formed link: a link has no spaces, <, > or |`
              : `“${bad}” is not a link: links start https://`;
            context.addIssue({ code: 'custom', message });
            return z.NEVER;
          }
          const long = words.find((word) => word.length > LIMITS.link);
          if (long) {
            context.addIssue({
              code: 'custom',
              message: `A link is ${thousands(long.length)} characters; the limit is ${thousands(LIMITS.link)}`,
            });
            return z.NEVER;
          }
          links.push(...words);
        }
        if (links.length > LIMITS.links) {
          context.addIssue({
            code: 'custom',
            message: `Give at most ${LIMITS.links} links (you gave ${links.length})`,
          });
          return z.NEVER;
        }
        return links;
      }),
      expectedDate: optionalText.pipe(
        LocalDateSchema.refine((day) => day >= today, {
          error: (issue) =>
            `The revised date ${formatDay(String(issue.input))} is in the past: pick today or later`,
        })
          .refine((day) => day <= addDays(today, 366 * 10), {
            error: 'Pick a revised date within the next ten years',
          })
          .optional(),
      ),
      nextSteps: optionalText.pipe(
        z
          .string()
          .max(LIMITS.nextSteps, { error: tooLong(LIMITS.nextSteps, 'Next steps') })
          .optional(),
      ),
    })
    .superRefine((update, context) => {
      const proposal = proposalOf(update.status);
      if (proposal && update.evidence.length === 0) {
        context.addIssue({
          code: 'custom',
          path: ['evidence'],
          message:
            proposal === 'achieved'
              ? 'Achieved needs evidence for sign-off: add a link to the report, minutes or dashboard that shows it'
              : 'Retiring a direction needs evidence for sign-off: add a link to the paper or minute that replaces it',
        });
      }
    });
}

/** Checks a raw update; on failure, one precise message per field that needs changing. */
export function validateUpdate(raw: RawUpdate, today: LocalDate): ValidatedUpdate {
  const parsed = updateInputSchema(today).safeParse({
    status: raw.status || undefined,
    text: raw.text,
    evidence: raw.evidence,
    expectedDate: raw.expectedDate,
    nextSteps: raw.nextSteps,
  });
  if (parsed.success) {
    const { status, text, evidence, expectedDate, nextSteps } = parsed.data;
    return {
      ok: true,
      content: {
        status,
        text,
        evidence,
        ...(expectedDate ? { expectedDate } : {}),
        ...(nextSteps ? { nextSteps } : {}),
      },
    };
  }
  const problems: Partial<Record<UpdateField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as UpdateField | undefined;
    if (field && !problems[field]) problems[field] = issue.message;
  }
  return { ok: false, problems };
}

/** The problems as sentences, for replies that are not a form. */
export function describeProblems(problems: Partial<Record<UpdateField, string>>): string {
  return Object.values(problems).join('. ').concat('.');
}
