import * as z from 'zod';
import type { Deadline } from '../domain/deadline';
import { DirectionRefSchema, type Recipient, RecipientSchema } from '../domain/direction';
import { formatDay, type LocalDate, LocalDateSchema } from '../domain/local-date';
import type { ChangeAuthority } from '../domain/register-change';
import { findDeadlines } from '../import/parse/deadline-phrases';

/** The fields of a change form (and of the API's bodies), by the names errors are shown under. */
export type ChangeField =
  | 'ref'
  | 'theme'
  | 'text'
  | 'recipients'
  | 'deadline'
  | 'budget'
  | 'functions'
  | 'decidedOn'
  | 'reference'
  | 'link';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: Partial<Record<ChangeField, string>> };

/** What a person typed, every field optional: the checks below say what is missing. */
export interface RawChange {
  ref?: string | null;
  theme?: string | null;
  text?: string | null;
  recipients?: readonly string[] | null;
  deadline?: string | null;
  budget?: string | null;
  functions?: string | null;
  decidedOn?: string | null;
  reference?: string | null;
  link?: string | null;
}

export interface NewDirectionInput {
  ref: string;
  theme: string;
  text: string;
  issuedTo: Recipient[];
  deadlines: Deadline[];
  budget?: string;
  functions: string[];
}

export interface VariationInput {
  text?: string;
  deadlines?: Deadline[];
}

const blank = (value: string | null | undefined) => (value ?? '').trim() === '';
const text = (max: number, what: string) =>
  z
    .string({ error: `Write ${what}` })
    .trim()
    .min(1, `Write ${what}`)
    .max(max, `Keep ${what} to ${max.toLocaleString('en-GB')} characters`);

const AuthorityInputSchema = z.object({
  decidedOn: z.string({ error: 'Pick the day of the board meeting' }).pipe(LocalDateSchema),
  reference: text(200, 'the paper or minute reference, like "paper 5.3"'),
  link: z
    .url({ protocol: /^https?$/, error: 'A link starts https:// (or leave it empty)' })
    .max(1000, 'Keep the link to 1,000 characters')
    .optional(),
});

/** The board decision: a meeting on a real day no later than today, its paper or minute, a link. */
export function checkAuthority(raw: RawChange, today: LocalDate): Checked<ChangeAuthority> {
  const parsed = AuthorityInputSchema.safeParse({
    decidedOn: raw.decidedOn ?? undefined,
    reference: raw.reference ?? undefined,
    link: blank(raw.link) ? undefined : raw.link?.trim(),
  });
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error) };
  if (parsed.data.decidedOn > today)
    return {
      ok: false,
      errors: {
        decidedOn: `The meeting must have happened: ${formatDay(parsed.data.decidedOn)} is after today.`,
      },
    };
  return { ok: true, value: parsed.data };
}

/** A deadline as written: "by January 2025", "by 31 March 2025"; empty or "ongoing" is none. */
export function readDeadline(raw: string | null | undefined): Checked<Deadline[]> {
  const written = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (written === '' || /^(?:none|ongoing|n\/a)$/i.test(written)) return { ok: true, value: [] };
  if (written.length > 200) return { ok: false, errors: { deadline: 'Keep the deadline to 200 characters' } };
  for (const attempt of [written, `by ${written}`]) {
    const found = findDeadlines(attempt).found.map((entry) => entry.deadline);
    if (found.length > 0) return { ok: true, value: found };
  }
  return {
    ok: false,
    errors: {
      deadline: `I cannot read "${written}" as a deadline: write it like "by January 2025" or "by 31 March 2025".`,
    },
  };
}

const NewDirectionSchema = z.object({
  ref: DirectionRefSchema,
  theme: text(200, 'the theme (outcome) it comes under'),
  text: text(20_000, 'what the direction asks'),
  recipients: z
    .array(RecipientSchema, { error: 'Choose who it is issued to' })
    .min(1, 'Choose who it is issued to'),
  budget: z.string().trim().max(2000, 'Keep the budget to 2,000 characters').optional(),
  functions: z.string().max(5000, 'Keep the functions to 5,000 characters').optional(),
});

export function checkNewDirection(raw: RawChange): Checked<NewDirectionInput> {
  const parsed = NewDirectionSchema.safeParse({
    ref: raw.ref ?? undefined,
    theme: raw.theme ?? undefined,
    text: raw.text ?? undefined,
    recipients: raw.recipients ?? undefined,
    budget: blank(raw.budget) ? undefined : (raw.budget ?? undefined),
    functions: blank(raw.functions) ? undefined : (raw.functions ?? undefined),
  });
  const deadline = readDeadline(raw.deadline);
  const errors = {
    ...(parsed.success ? {} : errorsOf(parsed.error)),
    ...(deadline.ok ? {} : deadline.errors),
  };
  if (!parsed.success || !deadline.ok) return { ok: false, errors };
  const { recipients, functions, ...rest } = parsed.data;
  return {
    ok: true,
    value: {
      ...rest,
      issuedTo: [...new Set(recipients)],
      deadlines: deadline.value,
      functions: (functions ?? '')
        .split(/\n|;/)
        .map((line) => line.replace(/^[•*-]\s*/, '').trim())
        .filter(Boolean)
        .slice(0, 50),
    },
  };
}

/** A variation: new text, a new deadline, or both ("none" clears the deadline). */
export function checkVariation(raw: RawChange): Checked<VariationInput> {
  const errors: Partial<Record<ChangeField, string>> = {};
  const newText = blank(raw.text) ? undefined : text(20_000, 'the new text').safeParse(raw.text);
  if (newText && !newText.success) errors.text = newText.error.issues[0]?.message ?? 'Check the text';
  const deadline = blank(raw.deadline) ? undefined : readDeadline(raw.deadline);
  if (deadline && !deadline.ok) Object.assign(errors, deadline.errors);
  if (!newText && !deadline) errors.text = 'Give the new text, a new deadline, or both.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...(newText?.success ? { text: newText.data } : {}),
      ...(deadline?.ok ? { deadlines: deadline.value } : {}),
    },
  };
}

function errorsOf(error: z.ZodError): Partial<Record<ChangeField, string>> {
  const errors: Partial<Record<ChangeField, string>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'text') as ChangeField;
    errors[field] ??= issue.message;
  }
  return errors;
}
