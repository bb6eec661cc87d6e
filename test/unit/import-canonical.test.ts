import { describe, expect, it } from 'vitest';
import { parseCanonical } from '../../src/import/canonical';
import { IJB_PROFILES } from '../../src/register/ijb-profiles';

const midlothian = IJB_PROFILES.midlothian as NonNullable<(typeof IJB_PROFILES)['midlothian']>;

describe('the canonical CSV', () => {
  it('reads one direction a row, with quoted fields, deadlines and recipients in words', () => {
    const csv = [
      'ref,theme,text,issued_to,deadlines,functions',
      '1.1,Health & Wellbeing,"Services must, with partners, report by January 2024.",both,by January 2024,District nursing services; Day services',
      '1.2,Health & Wellbeing,"NHS Lothian to ""review"" it",NHS Lothian,"by 31 March 2024; in 2024-25, 2025-26",',
    ].join('\r\n');
    const paper = parseCanonical('csv', csv, midlothian, '2023-24');
    expect(paper.problems).toEqual([]);
    expect(paper.directions.map(({ at: _at, ...direction }) => direction)).toEqual([
      {
        ref: '1.1',
        theme: { name: 'Health & Wellbeing' },
        text: 'Services must, with partners, report by January 2024.',
        issuedTo: ['health-board', 'council'],
        deadlines: [{ kind: 'month', year: 2024, month: 1, asWritten: 'by January 2024' }],
        functions: ['District nursing services', 'Day services'],
      },
      {
        ref: '1.2',
        theme: { name: 'Health & Wellbeing' },
        text: 'NHS Lothian to "review" it',
        issuedTo: ['health-board'],
        deadlines: [
          { kind: 'day', date: '2024-03-31', asWritten: 'by 31 March 2024' },
          { kind: 'years', planYears: ['2024-25', '2025-26'], asWritten: 'in 2024-25, 2025-26' },
        ],
      },
    ]);
  });

  it('lists every problem with its row and what to write instead, and keeps nothing', () => {
    const csv = [
      'ref,theme,text,issued_to,deadlines',
      '1.1,,Text,both,',
      '1.2,T,Text,the Police,',
      '1.3,T,Text,both,soonish',
      '1.4,T,Text,both,',
      '1.4,T,Again,both,',
    ].join('\n');
    const paper = parseCanonical('csv', csv, midlothian, '2023-24');
    expect(paper.problems.map((problem) => [problem.at?.line, problem.message])).toEqual([
      [2, 'theme is empty.'],
      [3, '1.2: "the Police" names neither NHS Lothian nor Midlothian Council.'],
      [4, '1.3: "soonish" is not a deadline I can read.'],
      [6, '1.4 appears twice (also at row 5).'],
    ]);
  });

  it('says which columns the header lacks', () => {
    const paper = parseCanonical('csv', 'number,words\n1,hello', midlothian, '2023-24');
    expect(paper.problems.map((problem) => problem.message)).toEqual([
      'The header row has no "ref" column.',
      'The header row has no "theme" column.',
      'The header row has no "text" column.',
      'No directions found in this file.',
    ]);
  });
});

describe('the canonical JSON', () => {
  it('reads directions and refuses a file for another IJB or year', () => {
    const json = (ijb: string, planYear: string) =>
      JSON.stringify({
        ijb,
        planYear,
        directions: [{ ref: 'D1a', theme: 'Care', text: 'NHS Lothian to act.', issued_to: 'health-board' }],
      });
    expect(
      parseCanonical('json', json('midlothian', '2023-24'), midlothian, '2023-24').directions,
    ).toHaveLength(1);
    expect(
      parseCanonical('json', json('east-lothian', '2022-23'), midlothian, '2023-24').problems.map(
        (p) => p.hint,
      ),
    ).toEqual(['Import it with --ijb east-lothian.', 'Import it with --year 2022-23.']);
    expect(parseCanonical('json', '{"directions": [', midlothian, '2023-24').problems[0]?.message).toMatch(
      /^The JSON does not parse/,
    );
  });
});
