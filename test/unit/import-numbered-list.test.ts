import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedPaper } from '../../src/import/parse/paper';
import { digest, MIDLOTHIAN_PAPER, parseFile } from '../support/papers';

const JAN_24 = ['by January 2024'];
const MIDLOTHIAN: [string, string, string[], string][] = [
  ['1.1', 'HC', JAN_24, 'Health & Wellbeing'],
  ['1.2', 'HC', JAN_24, 'Health & Wellbeing'],
  ['2.1', 'HC', JAN_24, 'Living in the Community'],
  ['2.2', 'HC', JAN_24, 'Living in the Community'],
  ['3.1', 'HC', JAN_24, 'Positive Experiences & Dignity'],
  ['3.2', 'HC', JAN_24, 'Positive Experiences & Dignity'],
  ['3.3', 'HC', JAN_24, 'Positive Experiences & Dignity'],
  ['4.1', 'HC', JAN_24, 'Quality of Life'],
  ['4.2', 'HC', JAN_24, 'Quality of Life'],
  ['4.3', 'HC', JAN_24, 'Quality of Life'],
  ['5.1', 'HC', ['by January 2025'], 'Health Inequalities'],
  ['5.2', 'HC', JAN_24, 'Health Inequalities'],
  ['6.1', 'HC', JAN_24, 'Support for Carers'],
  ['6.2', 'HC', JAN_24, 'Support for Carers'],
  ['7.1', 'HC', JAN_24, 'Safe from Harm'],
  ['7.2', 'HC', JAN_24, 'Safe from Harm'],
  ['7.3', 'HC', JAN_24, 'Safe from Harm'],
  ['8.1', 'HC', [], 'Workforce'],
  ['8.2', 'HC', [], 'Workforce'],
  ['9.1', 'HC', [], 'Use of Resources'],
  ['9.2', 'HC', ['in 2023-24, 2024-25, and 2025-26'], 'Use of Resources'],
];

let paper: ParsedPaper;
beforeAll(async () => {
  paper = await parseFile(MIDLOTHIAN_PAPER, 'midlothian.txt', 'midlothian', '2023-24');
});

describe('a numbered-list paper (Midlothian 2023-24)', () => {
  it('finds every direction with its ref, recipients, deadlines and theme, and nothing else', () => {
    expect(paper.problems).toEqual([]);
    expect(paper.family).toBe('numbered-list');
    expect(digest(paper)).toEqual(MIDLOTHIAN);
  });

  it('keeps month deadlines at month precision and a run of years as years', () => {
    const byRef = new Map(paper.directions.map((direction) => [direction.ref, direction]));
    expect(byRef.get('5.1')?.deadlines).toEqual([
      { kind: 'month', year: 2025, month: 1, asWritten: 'by January 2025' },
    ]);
    expect(byRef.get('9.2')?.deadlines).toEqual([
      {
        kind: 'years',
        planYears: ['2023-24', '2024-25', '2025-26'],
        asWritten: 'in 2023-24, 2024-25, and 2025-26',
      },
    ]);
  });

  it('reads a deadline in the middle of the text, and not a plan named with years', () => {
    const byRef = new Map(paper.directions.map((direction) => [direction.ref, direction]));
    expect(byRef.get('4.1')?.text).toContain('by January 2024 in order to develop');
    expect(byRef.get('8.1')?.text).toContain('Staff Engagement Plan 2023-24');
    expect(byRef.get('8.2')?.deadlines).toEqual([]);
  });

  it('keeps sub-bullets with their direction, the deadline on the last one', () => {
    const direction = paper.directions.find((candidate) => candidate.ref === '5.1');
    expect(direction?.text.split('\n')).toEqual([
      expect.stringMatching(
        /^NHS Lothian and Midlothian Council must ensure .* This should include ensuring$/,
      ),
      '• systems and data have the capabilities to collect and filter data appropriately by HSCP area and by protected characteristics',
      '• health and social care workforce are suitably trained and skilled to gather and input this data, and',
      '• data quality assurance, by January 2025.',
    ]);
  });

  it('numbers the direction the paper left unnumbered by its place, and says so', () => {
    expect(paper.directions.find((direction) => direction.ref === '6.1')?.text).toMatch(
      /^All services delegated .* unpaid carers/,
    );
    expect(paper.warnings.map((warning) => warning.message)).toContain(
      'This direction has no number in the paper; numbered 6.1 by its place (between the heading and 6.2).',
    );
  });

  it('mends a heading a conversion left a stray letter on, and says so', () => {
    expect(paper.warnings.map((warning) => warning.message)).toContain(
      'Heading "f Use of Resources" read as "Use of Resources" (a stray character from conversion).',
    );
  });

  it('never lets a page number or a heading into a direction', () => {
    for (const direction of paper.directions) {
      expect(direction.text).not.toMatch(/(^|\s)(2|4|6|8|10)(\s|$)/);
      expect(direction.text).not.toMatch(/Living in the Community|Delegated Functions|Workforce$/);
    }
  });

  it('takes the outcome statement under each heading as the theme’s outcome', () => {
    expect(paper.directions[0]?.theme.outcome).toBe(
      'People are able to look after and improve their health and wellbeing and live in good health for longer.',
    );
  });

  it('does not take the introduction’s list or the delegated functions for directions', () => {
    expect(
      paper.directions.some((direction) => /Accident and Emergency|choice and control/.test(direction.text)),
    ).toBe(false);
  });
});
