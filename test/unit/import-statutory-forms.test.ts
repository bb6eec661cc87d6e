import { describe, expect, it } from 'vitest';
import { docxOf, pdfOf } from '../support/paper-files';
import { parseFile } from '../support/papers';
import { type FormSpec, formsPaper, GLASGOW_FORMS, type LabelSet } from '../support/statutory-forms';

const HEADING = 'Glasgow City Integration Joint Board: Directions 2025-26';

const read = (text: string | Uint8Array, name = 'directions.txt', ijb = 'glasgow-city') =>
  parseFile(text, name, ijb, '2025-26');

function expectGlasgowForms(paper: Awaited<ReturnType<typeof read>>) {
  expect(paper.problems).toEqual([]);
  expect(paper.family).toBe('statutory-form');
  expect(paper.readAs).toBe('read as statutory direction forms: 3 forms');
  expect(paper.directions.map((d) => [d.ref, d.issuedTo.join('+'), d.title])).toEqual([
    ['GCIJB-2025-07', 'health-board+council', 'Unscheduled care'],
    ['GCIJB-2025-08', 'council', 'Carers support'],
    ['GCIJB-2025-09', 'health-board', 'Primary care improvement'],
  ]);
  const [first, , third] = paper.directions;
  expect(first?.form?.issued).toEqual({ asWritten: '25 March 2025', date: '2025-03-25' });
  expect(first?.form?.effective?.date).toBe('2025-04-01');
  expect(third?.form?.effective?.date).toBe('2025-04-01');
  expect(first?.functions).toEqual(['Accident and emergency services', 'Home care services']);
  expect(first?.oversight).toMatch(/^Quarterly reports/);
  expect(first?.deadlines.map((d) => d.asWritten)).toEqual(['by September 2025']);
  expect(first?.form?.budget?.pounds).toBe(1_250_000);
  expect(first?.form?.budget?.split?.map((s) => [s.recipient, s.pounds])).toEqual([
    ['health-board', 800_000],
    ['council', 450_000],
  ]);
  expect(first?.form?.previous).toEqual([{ action: 'supersedes', ref: 'GCIJB-2024-03' }]);
  expect(third?.form?.previous).toEqual([{ action: 'amends', ref: 'GCIJB-2024-11', planYear: '2024-25' }]);
  expect(third?.form?.missing).toEqual(['budget allocated']);
  // The review dates are milestones the nudges know: a day, or a month.
  expect(paper.milestones.map((m) => [m.directions[0], m.timeframe.deadlines[0]?.kind])).toEqual([
    ['GCIJB-2025-07', 'day'],
    ['GCIJB-2025-08', 'month'],
    ['GCIJB-2025-09', 'day'],
  ]);
  // An amended direction of an earlier year is varied by this one.
  expect(paper.outcomes.map((o) => [o.ref, o.planYear, o.lifecycle.state])).toEqual([
    ['GCIJB-2024-11', '2024-25', 'varied'],
  ]);
  // The missing budget is said once, naming the form.
  expect(paper.warnings.filter((w) => /budget allocated/.test(w.message))).toHaveLength(1);
  expect(paper.warnings.find((w) => /budget allocated/.test(w.message))?.message).toMatch(/GCIJB-2025-09/);
}

describe('a paper of statutory direction forms', () => {
  it.each<[LabelSet, 'table' | 'lines', boolean]>([
    ['guidance', 'table', false],
    ['guidance', 'lines', true],
    ['short', 'table', true],
    ['short', 'lines', false],
    ['variant', 'lines', true],
    ['variant', 'table', false],
  ])(
    'is read field by field, labels worded the %s way, as a %s, numbered: %s',
    async (labels, layout, numbered) => {
      expectGlasgowForms(await read(formsPaper(HEADING, GLASGOW_FORMS, { labels, layout, numbered })));
    },
  );

  it('is read from Word, the forms as two-column tables', async () => {
    expectGlasgowForms(await read(await docxOf(formsPaper(HEADING, GLASGOW_FORMS)), 'directions.docx'));
  });

  it('is read from Word, the labels as lines', async () => {
    const text = formsPaper(HEADING, GLASGOW_FORMS, { labels: 'short', layout: 'lines', numbered: true });
    expectGlasgowForms(await read(await docxOf(text), 'directions.docx'));
  });

  it('is read from PDF', async () => {
    const text = formsPaper(HEADING, GLASGOW_FORMS, { labels: 'variant', layout: 'lines' });
    expectGlasgowForms(await read(await pdfOf(text), 'directions.pdf'));
  });

  it('keeps refs as issued: Direction 12/2025', async () => {
    const forms: FormSpec[] = GLASGOW_FORMS.map((form, index) => ({
      ...form,
      ref: `Direction ${12 + index}/2025`,
    }));
    const paper = await read(formsPaper(HEADING, forms));
    expect(paper.problems).toEqual([]);
    expect(paper.directions.map((d) => d.ref)).toEqual(['12/2025', '13/2025', '14/2025']);
  });

  it('refuses a form without its reference, text or recipient, saying where and what to do', async () => {
    const [first, second, third] = GLASGOW_FORMS as [FormSpec, FormSpec, FormSpec];
    const { text: _text, ...noText } = second;
    const { to: _to, ...noRecipient } = third;
    const paper = await read(
      formsPaper(HEADING, [first, noText, { ...noRecipient, to: 'The Scottish Ambulance Service' }], {
        layout: 'lines',
      }),
    );
    expect(paper.problems.map((p) => p.message)).toEqual([
      'GCIJB-2025-08 has no "full text and detail of direction".',
      'GCIJB-2025-09: "Direction to" says "The Scottish Ambulance Service", which names neither NHS Greater Glasgow and Clyde nor Glasgow City Council.',
    ]);
    expect(paper.problems.every((p) => p.at?.line && p.hint.length > 0)).toBe(true);
    const noRef = await read(formsPaper(HEADING, [first, { ...second, ref: '' }], { layout: 'lines' }));
    expect(noRef.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Form 2 \(line \d+\) has no "reference number"/),
    ]);
  });

  it('knows the two councils of Clackmannanshire & Stirling', async () => {
    const forms: FormSpec[] = [
      {
        ...(GLASGOW_FORMS[1] as FormSpec),
        ref: 'CSIJB-01',
        to: 'Stirling Council',
        text: 'Stirling Council is directed to review day services by March 2026.',
      },
      {
        ...(GLASGOW_FORMS[1] as FormSpec),
        ref: 'CSIJB-02',
        to: 'NHS Forth Valley and Clackmannanshire Council',
      },
    ];
    const paper = await parseFile(
      formsPaper('Clackmannanshire & Stirling IJB Directions 2025-26', forms),
      'cs.txt',
      'clackmannanshire-and-stirling',
      '2025-26',
    );
    expect(paper.problems).toEqual([]);
    expect(paper.directions.map((d) => d.issuedTo)).toEqual([['council'], ['health-board', 'council']]);
  });

  it('is refused under another IJB, as any paper is', async () => {
    const paper = await read(formsPaper(HEADING, GLASGOW_FORMS), 'directions.txt', 'west-lothian');
    expect(paper.problems.map((p) => p.message).join('\n')).toMatch(
      /Glasgow City Integration Joint Board's paper/,
    );
  });
});
