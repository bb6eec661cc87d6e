import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/import/extract/docx-numbering';
import { parseFile } from '../support/papers';
import { GLASGOW_FORMS, LABELS } from '../support/statutory-forms';

const level = (
  at: number,
  text: string,
  start = 1,
  format: (typeof LevelFormat)[keyof typeof LevelFormat] = LevelFormat.DECIMAL,
) => ({
  level: at,
  format,
  text,
  start,
  alignment: AlignmentType.START,
});

async function word(children: Paragraph[], config: ConstructorParameters<typeof Document>[0]['numbering']) {
  return new Uint8Array(
    await Packer.toBuffer(
      new Document({ ...(config ? { numbering: config } : {}), sections: [{ children }] }),
    ),
  );
}

describe('Word automatic numbering', () => {
  it('is read as a reader of the document sees it: refs 5.1 … 6.2 from numbering.xml', async () => {
    const direction = (reference: string, text: string) =>
      new Paragraph({ text, numbering: { reference, level: 1 } });
    const bytes = await word(
      [
        new Paragraph({ text: 'Midlothian IJB Directions 2023-24', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: 'Health Inequalities', heading: HeadingLevel.HEADING_2 }),
        direction(
          'five',
          'NHS Lothian and Midlothian Council must deliver the Wellbeing service by January 2024.',
        ),
        direction('five', 'Midlothian Council must extend the Welfare Rights service by March 2024.'),
        direction('five', 'NHS Lothian must expand the Community Health Inequalities Team by June 2024.'),
        new Paragraph({ text: 'Unpaid Carers', heading: HeadingLevel.HEADING_2 }),
        direction('six', 'Midlothian Council must review respite provision for carers by December 2023.'),
        direction(
          'six',
          'NHS Lothian and Midlothian Council must publish the carers strategy by March 2024.',
        ),
      ],
      {
        config: [
          { reference: 'five', levels: [level(0, '%1.', 5), level(1, '%1.%2')] },
          { reference: 'six', levels: [level(0, '%1.', 6), level(1, '%1.%2')] },
        ],
      },
    );
    const paper = await parseFile(bytes, 'midlothian.docx', 'midlothian', '2023-24');
    expect(paper.problems).toEqual([]);
    expect(paper.directions.map((d) => [d.ref, d.theme.name])).toEqual([
      ['5.1', 'Health Inequalities'],
      ['5.2', 'Health Inequalities'],
      ['5.3', 'Health Inequalities'],
      ['6.1', 'Unpaid Carers'],
      ['6.2', 'Unpaid Carers'],
    ]);
    expect(paper.directions[0]?.text).toBe(
      'NHS Lothian and Midlothian Council must deliver the Wellbeing service by January 2024.',
    );
  });

  it('numbers a statutory form\u2019s labels, each form restarting at 1', async () => {
    const labels = LABELS.guidance;
    const children: Paragraph[] = [
      new Paragraph({
        text: 'Glasgow City Integration Joint Board: Directions 2025-26',
        heading: HeadingLevel.HEADING_1,
      }),
    ];
    GLASGOW_FORMS.forEach((form, index) => {
      children.push(new Paragraph({ text: `Direction ${index + 1}`, heading: HeadingLevel.HEADING_2 }));
      for (const key of [
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
      ] as const) {
        const value = form[key];
        if (value === undefined) continue;
        children.push(
          new Paragraph({
            text: labels[key],
            numbering: { reference: 'form', level: 0, instance: index + 1 },
          }),
        );
        for (const line of Array.isArray(value) ? value : [value]) children.push(new Paragraph(line));
      }
    });
    const bytes = await word(children, { config: [{ reference: 'form', levels: [level(0, '%1.')] }] });
    const paper = await parseFile(bytes, 'glasgow.docx', 'glasgow-city', '2025-26');
    expect(paper.problems).toEqual([]);
    expect(paper.readAs).toBe('read as statutory direction forms: 3 forms');
    expect(paper.directions.map((d) => d.ref)).toEqual(['GCIJB-2025-07', 'GCIJB-2025-08', 'GCIJB-2025-09']);
    expect(paper.directions[0]?.functions).toEqual(['Accident and emergency services', 'Home care services']);
  });

  it('formats numbers as Word does: letters, roman numerals, leading zeros', () => {
    expect([
      formatNumber(3, 'lowerLetter'),
      formatNumber(28, 'upperLetter'),
      formatNumber(4, 'lowerRoman'),
      formatNumber(14, 'upperRoman'),
      formatNumber(7, 'decimalZero'),
    ]).toEqual(['c', 'BB', 'iv', 'XIV', '07']);
  });
});
