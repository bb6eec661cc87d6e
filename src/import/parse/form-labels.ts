import type { SourceLine } from '../source';

/** The statutory direction form's fields (2020 guidance, Annex), and two that some IJBs add. */
export type FormField =
  | 'ref'
  | 'issued'
  | 'effective'
  | 'to'
  | 'previous'
  | 'functions'
  | 'text'
  | 'budget'
  | 'monitoring'
  | 'review'
  | 'title'
  | 'ijb';

/** Each field by its name in the guidance's form, as warnings and the dry run say it. */
export const FIELD_NAMES: Record<FormField, string> = {
  ref: 'reference number',
  issued: 'date direction issued',
  effective: 'date from which direction takes effect',
  to: 'direction to',
  previous: 'does it supersede, amend or cancel a previous direction',
  functions: 'functions covered',
  text: 'full text and detail of direction',
  budget: 'budget allocated',
  monitoring: 'performance monitoring arrangements',
  review: 'date direction will be reviewed',
  title: 'title',
  ijb: 'Integration Joint Board',
};

/**
 * How IJBs word each label, read by meaning: the guidance's own words, their short forms
 * ("Ref no.", "Review date") and common variants ("Direction reference", "Effective from").
 * Matched against the whole label once numbering, brackets and "by the IJB" are taken off.
 */
const LABELS: [FormField, RegExp][] = [
  [
    'review',
    /^(?:date\s+(?:the\s+|this\s+)?direction\s+(?:will\s+be|is\s+to\s+be|to\s+be)\s+reviewed|(?:date\s+(?:of|for)\s+)?review(?:\s+date)?|review\s+by|(?:direction\s+)?to\s+be\s+reviewed(?:\s+by)?)$/,
  ],
  [
    'effective',
    /^(?:date\s+(?:from\s+)?(?:which|when)\s+(?:the\s+|this\s+)?direction\s+takes\s+effect|(?:date\s+)?effective(?:\s+(?:from|date))?|takes\s+effect(?:\s+from)?|date\s+of\s+effect|start\s+date|commencement(?:\s+date)?)$/,
  ],
  [
    'issued',
    /^(?:date\s+(?:the\s+|this\s+)?(?:direction\s+)?(?:was\s+)?issued|date\s+of\s+issue|issue\s+date|issued(?:\s+on)?|date\s+approved(?:\s+by)?)$/,
  ],
  [
    'to',
    /^(?:direction\s+(?:is\s+)?(?:issued\s+)?to|directed\s+to|issued\s+to|recipients?|direction\s+recipients?)$/,
  ],
  [
    'previous',
    /^(?:does\s+(?:this|the)\s+direction\s+(?:supersede|amend|cancel|replace).*|(?:supersedes?|amends?|cancels?|replaces?|varies)(?:[\s,/]+(?:or\s+)?(?:supersedes?|amends?|cancels?|replaces?|varies))*(?:\s+(?:a\s+|any\s+)?previous\s+directions?)?|previous\s+directions?(?:\s+(?:superseded|amended|cancelled|affected))?|(?:relationship|link)\s+to\s+previous\s+directions?)$/,
  ],
  [
    'functions',
    /^(?:(?:delegated\s+|integrated\s+)?functions?(?:\s+(?:covered|concerned|included|delegated))?(?:\s+by\s+(?:the\s+|this\s+)?direction)?|services?\s+covered)$/,
  ],
  [
    'text',
    /^(?:full\s+text(?:\s+and\s+detail)?(?:\s+of\s+(?:the\s+|this\s+)?direction)?|(?:text|detail|details|content)\s+of\s+(?:the\s+|this\s+)?direction|direction(?:\s+(?:text|detail|details))?|the\s+direction|what\s+is\s+(?:being\s+)?directed)$/,
  ],
  [
    'budget',
    /^(?:budget(?:\s+allocated)?|allocated\s+budget|(?:financial|budget)\s+(?:allocation|resources?)|resources?\s+allocated|funding(?:\s+allocated)?)$/,
  ],
  [
    'monitoring',
    /^(?:(?:performance\s+)?monitoring(?:\s+arrangements)?|performance\s+management(?:\s+arrangements)?|how\s+(?:progress|performance)\s+will\s+be\s+monitored)$/,
  ],
  [
    'ref',
    /^(?:(?:direction\s+)?(?:reference|ref\.?)(?:\s+(?:number|no\.?|num\.?))?(?:\s+of\s+direction)?|direction\s+(?:number|no\.?|id))$/,
  ],
  ['title', /^(?:(?:title|name|subject)(?:\s+of\s+(?:the\s+)?direction)?|direction\s+(?:title|name))$/],
  [
    'ijb',
    /^(?:(?:name\s+of\s+)?(?:the\s+)?(?:integration\s+joint\s+board|ijb|integration\s+authority)|issued\s+by|issuing\s+(?:ijb|body|authority))$/,
  ],
];

/** A label's words alone: no numbering, brackets, "by the Integration Joint Board" or end marks. */
export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/^\s*(?:\(?\d{1,2}[.)]?|\(?[a-j][.)]|[ivx]{1,4}[.)])\s+/, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+[–—-]\s+(?:if\s+yes|please|e\.g\.).*$/, '')
    .replace(/\s+by\s+(?:the\s+)?(?:integration\s+joint\s+board|ijb|integration\s+authority)\b/g, ' ')
    .replace(/\s+to\s+carry\s+out\s+(?:the\s+|this\s+)?direction\b/g, ' ')
    .replace(/\s*\[[^\]]*\]/g, ' ')
    .replace(/[:?.;\s]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every label has one of these words: most lines of a paper are ruled out at once. */
const LABEL_WORD =
  /ref|date|direct|issue|effect|commence|start|supersed|amend|cancel|replac|varies|previous|function|service|text|detail|content|budget|financ|fund|resource|monitor|perform|review|title|name|subject|board|ijb|authority|recipient/i;

export function fieldOfLabel(label: string): FormField | undefined {
  if (label.length > 260 || !LABEL_WORD.test(label)) return undefined;
  const words = normaliseLabel(label);
  if (words === '' || words.split(' ').length > 24) return undefined;
  return LABELS.find(([, pattern]) => pattern.test(words))?.[0];
}

export interface LabelledLine {
  field: FormField;
  label: string;
  /** What follows the label on its own line or row ("" when the value is on the lines below). */
  rest: string;
}

/** A form's label in a line: a table row's first cell, "Label: value", or the line alone. */
export function labelOf(line: SourceLine): LabelledLine | undefined {
  if (line.cells && line.cells.length > 0) {
    const cells = /^\(?\d{1,2}[.)]?$/.test(line.cells[0] ?? '') ? line.cells.slice(1) : line.cells;
    const [label = '', ...rest] = cells;
    const field = fieldOfLabel(label);
    return field ? { field, label, rest: rest.filter(Boolean).join('\n') } : undefined;
  }
  const colon = /^([^:]{2,200}?)\s*:\s*(.*)$/.exec(line.text);
  if (colon?.[1] !== undefined) {
    const field = fieldOfLabel(colon[1]);
    if (field) return { field, label: colon[1], rest: colon[2] ?? '' };
  }
  if (line.text.length > 220) return undefined;
  const field = fieldOfLabel(line.text);
  return field ? { field, label: line.text, rest: '' } : undefined;
}
