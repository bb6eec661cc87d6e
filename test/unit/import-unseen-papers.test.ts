import { describe, expect, it } from 'vitest';
import { findDeadlines } from '../../src/import/parse/deadline-phrases';
import { joinPieces, mendSplitWords } from '../../src/import/parse/words';
import { BORDERS_PAPER, digest, parseFile } from '../support/papers';

// Papers the importer was not written against: the same families, laid out differently.

describe('a numbered paper in another layout', () => {
  const paper = [
    '**Midlothian Integration Joint Board — Directions 2024-25**',
    '',
    '**1. Living Well**',
    'People live well at home for longer.',
    'Direction 1.1: NHS Lothian must open two community treatment rooms by 31 March 2025.',
    'Direction 1.3: Midlothian Council should review day services by the end of June 2024.',
    '',
    'Page 2 of 3',
    '',
    '**2. Carers**',
    '1.9 This paragraph of the report is not a direction at all.',
    '2.1 All services must record carers’ support plans, in 2024-25 and 2025-26:',
    '  - within four weeks of assessment',
    '  - with the carer’s agreement',
    '',
    '**Background**',
    '3.1 The IJB must be mindful of the background, by January 2025.',
  ].join('\n');

  it('reads its refs, recipients, deadlines and themes; leaves a gap it cannot fill with confidence alone', async () => {
    const result = await parseFile(paper, 'ml-2024.md', 'midlothian', '2024-25');
    expect(result.problems).toEqual([]);
    expect(digest(result)).toEqual([
      ['1.1', 'H', ['by 31 March 2025'], 'Living Well'],
      ['1.3', 'C', ['by the end of June 2024'], 'Living Well'],
      ['2.1', 'HC', ['in 2024-25 and 2025-26'], 'Carers'],
    ]);
    expect(result.directions[2]?.text).toBe(
      'All services must record carers’ support plans, in 2024-25 and 2025-26:\n• within four weeks of assessment\n• with the carer’s agreement',
    );
  });

  it('refuses it under the wrong year, saying which year it is', async () => {
    const result = await parseFile(paper, 'ml-2024.md', 'midlothian', '2023-24');
    expect(result.problems.map((problem) => problem.hint)).toContain(
      'Import it with --year 2024-25, or choose the 2023-24 paper.',
    );
  });
});

describe('a coded table with other columns', () => {
  const paper = [
    'Scottish Borders IJB Directions 2017/18',
    'Directions to NHS Borders and Scottish Borders Council on Older People\tBudget: £1.2M',
    'Ref\tDirection\tIssued to\tTimescale\tGovernance',
    'B01a\tNHS Borders and Scottish Borders Council to open a discharge lounge. (NEW Direction)\t\tby October 2017\tReported to the Strategic Planning Group',
    'BO1b\tScottish Borders Council to recommission day services, reporting quarterly\t\tby March 2018\tAudit Committee',
    '\tand publishing outcomes. (revised)',
    'Directions to NHS Borders on Primary Care\tBudget: 800K',
    'Ref\tDirection\tIssued to\tTimescale\tGovernance',
    'B02a\tNHS Borders to extend pharmacy support to all practices.\t\t\tPrimary Care Board',
  ].join('\n');

  it('maps the columns by their names and reads every direction', async () => {
    const result = await parseFile(paper, 'sb.txt', 'scottish-borders', '2017-18');
    expect(result.problems).toEqual([]);
    expect(digest(result)).toEqual([
      ['B01a', 'HC', ['by October 2017'], 'Older People'],
      ['B01b', 'C', ['by March 2018'], 'Older People'],
      ['B02a', 'H', [], 'Primary Care'],
    ]);
    expect(result.directions[1]).toMatchObject({
      text: 'Scottish Borders Council to recommission day services, reporting quarterly and publishing outcomes.',
      marker: 'revised',
      oversight: 'Audit Committee',
      theme: { budget: { thousands: 1200 } },
    });
    expect(result.warnings.map((warning) => warning.message)).toContain(
      'Code "BO1b" read as B01b (a conversion slip).',
    );
  });
});

describe('mending conversion scars', () => {
  const vocabulary = new Map([
    ['directions', 9],
    ['direction', 9],
    ['lothian', 20],
    ['balance', 4],
    ['groups', 3],
    ['improvement', 5],
    ['care', 40],
    ['home', 12],
    ['ions', 1],
  ]);

  it('joins words cut at a cell edge when the paper spells them whole elsewhere', () => {
    expect(joinPieces(['Direct', 'ions to NHS Lothia', 'n on Primary Care'], vocabulary)).toBe(
      'Directions to NHS Lothian on Primary Care',
    );
    expect(joinPieces(['Shifting the Ba', 'alance of Care for Care G', 'oups'], vocabulary)).toBe(
      'Shifting the Balance of Care for Care Groups',
    );
    expect(joinPieces(['care', 'home'], vocabulary)).toBe('care home');
    expect(mendSplitWords('Primary Care Improveme nt Plan', vocabulary)).toBe(
      'Primary Care Improvement Plan',
    );
  });

  it('reads a deadline with a stray full stop, and no deadline from a year alone', () => {
    expect(findDeadlines('established by September. 2019 and').found[0]).toMatchObject({
      deadline: { kind: 'month', year: 2019, month: 9, asWritten: 'by September 2019' },
      repairedFrom: 'by September. 2019',
    });
    expect(findDeadlines('Final completion of Phase 3 by 2020')).toEqual({
      found: [],
      yearsOnly: ['by 2020'],
    });
  });
});

describe('papers that hold no directions', () => {
  it('refuses the Scottish Borders plan (objectives and actions, numbered paragraphs) as having none', async () => {
    const result = await parseFile(BORDERS_PAPER, 'borders.txt', 'scottish-borders', '2016-17');
    expect(result.directions).toEqual([]);
    expect(result.problems.map((problem) => problem.message)).toEqual(['No directions found in this file.']);
  });
});
