/**
 * Papers of statutory direction forms, written from the field list of the Scottish
 * Government's 2020 guidance on directions (Annex), in the label wordings IJBs use.
 */
export interface FormSpec {
  ref: string;
  issued?: string;
  effective?: string;
  to?: string;
  previous?: string;
  functions?: string[];
  text?: string;
  budget?: string[];
  monitoring?: string;
  review?: string;
  title?: string;
}

/** Label sets: the guidance's own words, and the short forms other IJBs print. */
export const LABELS = {
  guidance: {
    ref: 'Reference number',
    issued: 'Date direction issued by Integration Joint Board',
    effective: 'Date from which direction takes effect',
    to: 'Direction to:',
    previous:
      'Does this direction supersede, amend or cancel a previous direction – if yes, include the reference number(s)',
    functions: 'Functions covered by direction',
    text: 'Full text and detail of direction',
    budget: 'Budget allocated by Integration Joint Board to carry out direction',
    monitoring: 'Performance monitoring arrangements',
    review: 'Date direction will be reviewed',
    title: 'Title of direction',
  },
  short: {
    ref: 'Ref no.',
    issued: 'Date issued',
    effective: 'Effective from',
    to: 'Directed to',
    previous: 'Supersedes / amends / cancels',
    functions: 'Functions',
    text: 'Direction',
    budget: 'Budget',
    monitoring: 'Monitoring arrangements',
    review: 'Review date',
    title: 'Title',
  },
  variant: {
    ref: 'Direction reference',
    issued: 'Date of issue',
    effective: 'Date of effect',
    to: 'Issued to',
    previous: 'Previous directions affected',
    functions: 'Delegated functions',
    text: 'Detail of the direction',
    budget: 'Financial allocation',
    monitoring: 'Performance management arrangements',
    review: 'Date for review',
    title: 'Subject',
  },
} as const;

export type LabelSet = keyof typeof LABELS;
type Key = keyof (typeof LABELS)['guidance'];

const ORDER: Key[] = [
  'title',
  'ref',
  'issued',
  'effective',
  'to',
  'previous',
  'functions',
  'text',
  'budget',
  'monitoring',
  'review',
];

function valuesOf(form: FormSpec, key: Key): string[] | undefined {
  const value = form[key];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

/**
 * The paper as text the seeds' way ("#" headings, tab-separated rows): each form a two-column
 * table, or numbered label lines with their values below.
 */
export function formsPaper(
  heading: string,
  forms: FormSpec[],
  options: { labels?: LabelSet; layout?: 'table' | 'lines'; numbered?: boolean } = {},
): string {
  const labels = LABELS[options.labels ?? 'guidance'];
  const out = [`# ${heading}`, ''];
  forms.forEach((form, index) => {
    out.push(`## Direction ${index + 1}`, '');
    let number = 0;
    for (const key of ORDER) {
      const values = valuesOf(form, key);
      if (!values) continue;
      number++;
      const label = `${options.numbered ? `${number}. ` : ''}${labels[key]}`;
      if (options.layout === 'lines') {
        out.push(label);
        for (const value of values) out.push(key === 'functions' ? `- ${value}` : value);
        out.push('');
      } else out.push(`${label}\t${values.join(' ; ')}`);
    }
    out.push('');
  });
  return out.join('\n');
}

export const GLASGOW_FORMS: FormSpec[] = [
  {
    title: 'Unscheduled care',
    ref: 'GCIJB-2025-07',
    issued: '25 March 2025',
    effective: '1 April 2025',
    to: 'Both',
    previous: 'Yes – supersedes GCIJB-2024-03',
    functions: ['Accident and emergency services', 'Home care services'],
    text: 'NHS Greater Glasgow and Clyde and Glasgow City Council are directed to redesign the unscheduled care pathway and to report progress by September 2025.',
    budget: ['Total £1,250,000', 'NHS Greater Glasgow and Clyde: £800,000', 'Glasgow City Council: £450,000'],
    monitoring: 'Quarterly reports to the IJB Finance, Audit and Scrutiny Committee.',
    review: '31 March 2026',
  },
  {
    title: 'Carers support',
    ref: 'GCIJB-2025-08',
    issued: '25 March 2025',
    effective: '1 April 2025',
    to: 'Glasgow City Council',
    previous: 'No',
    functions: ['Support for unpaid carers'],
    text: 'Glasgow City Council is directed to deliver the carers strategy action plan.',
    budget: ['£300,000'],
    monitoring: 'Annual carers report to the IJB.',
    review: 'March 2026',
  },
  {
    title: 'Primary care improvement',
    ref: 'GCIJB-2025-09',
    issued: '25/03/2025',
    effective: '01/04/2025',
    to: 'NHS Greater Glasgow and Clyde',
    previous: 'Amends GCIJB-2024-11 (2024-25)',
    functions: ['Primary medical services'],
    text: 'NHS Greater Glasgow and Clyde is directed to implement the primary care improvement plan by 31 March 2026.',
    monitoring: 'Primary Care Improvement Plan tracker, reported twice a year.',
    review: '30 September 2025',
  },
];
