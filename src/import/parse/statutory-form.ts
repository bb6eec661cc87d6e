import { createHash } from 'node:crypto';
import type { Deadline } from '../../domain/deadline';
import type { DirectionForm } from '../../domain/direction';
import { readWrittenRef } from '../../domain/direction-ref';
import { describeLocation, isPageNumber, type Location, type SourceLine } from '../source';
import { findDeadlines } from './deadline-phrases';
import { FIELD_NAMES, type FormField, labelOf } from './form-labels';
import { readBudget, readFunctions, readPrevious, readRecipients, readWrittenDate } from './form-values';
import type { ParseContext, ParsedDirection, ParsedMilestone, ParsedOutcome } from './types';

interface FieldValue {
  label: string;
  lines: string[];
  at: Location;
}

export interface Form {
  at: Location;
  fields: Map<FormField, FieldValue>;
  /** The heading just above the form ("Direction 3: Care at home"), when there is one. */
  heading?: string;
}

/** The fields a form is not whole without; the others are warned about when missing. */
const REQUIRED: FormField[] = ['ref', 'text', 'to'];
const OPTIONAL: FormField[] = [
  'issued',
  'effective',
  'previous',
  'functions',
  'budget',
  'monitoring',
  'review',
];

const fieldText = (form: Form, field: FormField) => form.fields.get(field)?.lines.join('\n').trim() ?? '';

/** A form whose fields are mostly filled in; a blank template (as guidance prints it) is not one. */
export function isForm(form: Form): boolean {
  const filled = [...form.fields.keys()].filter((field) => fieldText(form, field) !== '');
  return form.fields.size >= 4 && filled.length >= 3;
}

/**
 * The statutory forms of a paper: a run of labelled fields, each form begun by a field the
 * form before already has (most often the reference number). Values run on the lines below
 * their label, or follow it on its line or table row; a heading ends a value and may title
 * the next form.
 */
export function formsOf(lines: readonly SourceLine[]): Form[] {
  const forms: Form[] = [];
  let current: Form | undefined;
  let field: FieldValue | undefined;
  let heading: string | undefined;
  for (const line of lines) {
    if (isPageNumber(line.text)) continue;
    const label = labelOf(line);
    if (label) {
      if (!current || current.fields.has(label.field)) {
        current = { at: line.at, fields: new Map(), ...(heading ? { heading } : {}) };
        forms.push(current);
        heading = undefined;
      }
      field = { label: label.label, lines: label.rest ? [label.rest] : [], at: line.at };
      current.fields.set(label.field, field);
      continue;
    }
    if (line.heading) {
      heading = line.text;
      field = undefined;
      continue;
    }
    if (field)
      field.lines.push(line.cells ? line.cells.join(': ') : line.bullet ? `• ${line.text}` : line.text);
  }
  return forms.filter(isForm);
}

export interface FormsRead {
  directions: ParsedDirection[];
  milestones: ParsedMilestone[];
  outcomes: ParsedOutcome[];
  forms: number;
}

/** Family 3: the statutory direction form, one direction per form. */
export function parseStatutoryForms(context: ParseContext, forms: Form[], source: string): FormsRead {
  const read: FormsRead = { directions: [], milestones: [], outcomes: [], forms: forms.length };
  const missing = new Map<FormField, string[]>();
  forms.forEach((form, index) => {
    const name = `Form ${index + 1} (${describeLocation(form.at)})`;
    const rawRef = fieldText(form, 'ref');
    const ref = rawRef ? readWrittenRef(rawRef.split('\n')[0] ?? '') : undefined;
    const text = fieldText(form, 'text');
    const toValue = fieldText(form, 'to');
    const issuedTo = readRecipients(toValue, context.ijb);
    const at = form.fields.get('ref')?.at ?? form.at;
    for (const required of REQUIRED) {
      if (fieldText(form, required) !== '') continue;
      context.problems.push({
        at: form.fields.get(required)?.at ?? form.at,
        message: `${ref ?? name} has no "${FIELD_NAMES[required]}".`,
        hint: `Fill in the form's "${FIELD_NAMES[required]}" field (it is required) and import the paper again.`,
      });
    }
    if (rawRef && !ref)
      context.problems.push({
        at,
        message: `${name}: the reference number "${rawRef.slice(0, 60)}" is not one I can keep.`,
        hint: 'Write the reference as the IJB issues it, like GCIJB-2025-07, Direction 12/2025 or 5.1.',
      });
    if (toValue && issuedTo.length === 0)
      context.problems.push({
        at: form.fields.get('to')?.at ?? at,
        message: `${ref ?? name}: "Direction to" says "${toValue.slice(0, 80)}", which names neither ${context.ijb.healthBoard} nor ${context.ijb.council}.`,
        hint: `Write "${context.ijb.healthBoard}", "${context.ijb.council}" or "Both".`,
      });
    if (!ref || !text || issuedTo.length === 0) return;
    for (const optional of OPTIONAL)
      if (fieldText(form, optional) === '') missing.set(optional, [...(missing.get(optional) ?? []), ref]);

    const formFacts: DirectionForm = {};
    const issued = readWrittenDate(fieldText(form, 'issued'));
    const effective = readWrittenDate(fieldText(form, 'effective'));
    const review = readWrittenDate(fieldText(form, 'review'));
    if (issued)
      formFacts.issued = { asWritten: issued.asWritten, ...(issued.date ? { date: issued.date } : {}) };
    if (effective)
      formFacts.effective = {
        asWritten: effective.asWritten,
        ...(effective.date ? { date: effective.date } : {}),
      };
    if (review)
      formFacts.review = { asWritten: review.asWritten, ...(review.date ? { date: review.date } : {}) };
    const budget = fieldText(form, 'budget');
    if (budget) formFacts.budget = readBudget(budget, context.ijb);
    const previousValue = fieldText(form, 'previous');
    const { previous, saidYes } = readPrevious(previousValue);
    if (previous.length > 0) formFacts.previous = previous;
    else if (saidYes)
      context.warnings.push({
        at: form.fields.get('previous')?.at ?? at,
        ref,
        message: `says it supersedes, amends or cancels a previous direction ("${previousValue.slice(0, 80)}") but gives no reference: no link made.`,
      });
    const missed = OPTIONAL.filter((optional) => fieldText(form, optional) === '').map((f) => FIELD_NAMES[f]);
    if (missed.length > 0) formFacts.missing = missed;

    const functions = readFunctions(fieldText(form, 'functions'));
    const monitoring = fieldText(form, 'monitoring');
    const title = (fieldText(form, 'title') || form.heading || '').replace(/\s+/g, ' ').slice(0, 300);
    read.directions.push({
      ref,
      theme: { name: title || 'Directions' },
      ...(title ? { title } : {}),
      text: text.slice(0, 20_000),
      issuedTo,
      deadlines: findDeadlines(text).found.map((found) => found.deadline),
      ...(functions.length > 0 ? { functions } : {}),
      ...(monitoring ? { oversight: monitoring.slice(0, 5000) } : {}),
      ...(previous.some((link) => link.action === 'supersedes' && link.planYear)
        ? {
            supersedes: previous
              .filter((link) => link.action === 'supersedes' && link.planYear)
              .map((link) => ({ planYear: link.planYear as string, ref: link.ref })),
          }
        : {}),
      form: formFacts,
      at,
    });
    if (review)
      read.milestones.push(reviewMilestone(ref, title, review, form.fields.get('review')?.at ?? at));
    for (const link of previous)
      if (link.planYear && link.action !== 'supersedes')
        read.outcomes.push(previousOutcome(link, ref, context.planYear, source, at));
  });
  for (const [field, refs] of missing)
    context.warnings.push({
      message: `${refs.length === read.directions.length ? 'No form gives' : `${refs.length} of ${read.directions.length} forms do not give`} "${FIELD_NAMES[field]}"${refs.length === read.directions.length ? '' : ` (${refs.slice(0, 6).join(', ')}${refs.length > 6 ? ', …' : ''})`}: left blank.`,
    });
  return read;
}

/** The form's review date, as a milestone the nudges know. */
function reviewMilestone(
  ref: string,
  title: string,
  review: NonNullable<ReturnType<typeof readWrittenDate>>,
  at: Location,
): ParsedMilestone {
  const deadlines: Deadline[] = review.date
    ? [{ kind: 'day', date: review.date, asWritten: review.asWritten }]
    : review.month
      ? [{ kind: 'month', ...review.month, asWritten: review.asWritten }]
      : [];
  return {
    id: createHash('sha256').update(`review\n${ref}\n${review.asWritten}`).digest('hex').slice(0, 12),
    area: 'Review of directions',
    action: `Review direction ${ref}${title ? `: ${title}` : ''}`,
    timeframe: { asWritten: review.asWritten, deadlines },
    directions: [ref],
    at,
  };
}

function previousOutcome(
  link: NonNullable<DirectionForm['previous']>[number],
  ref: string,
  planYear: string,
  source: string,
  at: Location,
): ParsedOutcome {
  const verb = link.action === 'amends' ? 'Amended' : 'Cancelled';
  return {
    planYear: link.planYear as string,
    ref: link.ref,
    lifecycle: {
      state: link.action === 'amends' ? 'varied' : 'revoked',
      outcome: `${verb} by ${ref} (${planYear})`,
      decidedIn: { planYear, source },
    },
    supersededBy: [],
    at,
  };
}
