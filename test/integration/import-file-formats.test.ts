import { describe, expect, it } from 'vitest';
import { readPaperFile } from '../../src/import/read-file';
import { docxOf, pdfOf } from '../support/paper-files';
import { digest, EAST_LOTHIAN_PAPER, MIDLOTHIAN_PAPER, parseFile } from '../support/papers';

const PAPERS = [
  { name: 'Midlothian 2023-24', text: MIDLOTHIAN_PAPER, ijb: 'midlothian', year: '2023-24' },
  { name: 'East Lothian 2019-20', text: EAST_LOTHIAN_PAPER, ijb: 'east-lothian', year: '2019-20' },
] as const;

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.each(PAPERS)('$name as Word and as PDF', ({ text, ijb, year }) => {
  it.each([
    ['docx', docxOf],
    ['pdf', pdfOf],
  ] as const)(
    'reads the same directions, outcomes and milestones from a .%s made from the same content',
    async (kind, make) => {
      const expected = await parseFile(text, `paper.txt`, ijb, year);
      const bytes = await make(text);
      const paper = await parseFile(bytes, `paper.${kind}`, ijb, year);
      expect(paper.problems).toEqual([]);
      expect(digest(paper)).toEqual(digest(expected));
      paper.directions.forEach((direction, index) => {
        const other = expected.directions[index];
        expect(flat(direction.text)).toBe(flat(other?.text ?? ''));
        expect(direction.title).toBe(other?.title);
        expect(direction.functions).toEqual(other?.functions);
        expect(direction.oversight).toBe(other?.oversight);
        expect(direction.theme).toEqual(other?.theme);
      });
      const said = (outcomes: typeof paper.outcomes) =>
        outcomes.map(({ ref, planYear, heading, lifecycle, supersededBy }) => [
          ref,
          planYear,
          heading,
          lifecycle.state,
          lifecycle.outcome,
          supersededBy,
        ]);
      expect(said(paper.outcomes)).toEqual(said(expected.outcomes));
      expect(
        paper.milestones.map((milestone) => [milestone.directions, milestone.timeframe.deadlines]),
      ).toEqual(
        expected.milestones.map((milestone) => [milestone.directions, milestone.timeframe.deadlines]),
      );
    },
  );

  it('places what it warns about on a PDF by page and line', async () => {
    const paper = await parseFile(await pdfOf(text), 'paper.pdf', ijb, year);
    expect(paper.warnings.length).toBeGreaterThan(0);
    for (const warning of paper.warnings.filter((each) => each.at))
      expect(warning.at?.page).toBeGreaterThan(0);
  });
});

describe('files that are not papers', () => {
  const refused = async (bytes: Uint8Array, name: string) => {
    const result = await readPaperFile(bytes, name);
    if (result.ok) throw new Error(`${name} was read`);
    return result.problem;
  };

  it('refuses an empty file', async () => {
    expect((await refused(new Uint8Array(), 'paper.docx')).message).toBe('paper.docx is empty.');
  });

  it('refuses a 50 MB file before reading it', async () => {
    const problem = await refused(new Uint8Array(50 * 1024 * 1024), 'huge.pdf');
    expect(problem.message).toBe('huge.pdf is 50.0 MB; papers up to 20 MB are read.');
    expect(problem.hint).toMatch(/without its images/);
  });

  it('refuses binary garbage, whatever it is called', async () => {
    const garbage = new Uint8Array(4096).map((_, index) => (index * 7919 + 13) % 256);
    expect((await refused(garbage, 'paper.bin')).message).toMatch(/not a text, Word or PDF file/);
    expect((await refused(garbage, 'paper.pdf')).message).toBe(
      'paper.pdf is named .pdf but is not a PDF file.',
    );
    expect((await refused(garbage, 'paper.docx')).message).toBe(
      'paper.docx is named .docx but is not a Word file.',
    );
  });

  it('refuses a damaged PDF and an old .doc with what to do instead', async () => {
    const damaged = (await pdfOf(MIDLOTHIAN_PAPER)).slice(0, 2000);
    expect((await refused(damaged, 'cut.pdf')).message).toMatch(/^cut\.pdf could not be read as a PDF/);
    const doc = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await refused(doc, 'old.doc')).toMatchObject({ hint: expect.stringMatching(/save it as \.docx/) });
  });

  it('refuses a ZIP that is not a Word document', async () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x61, 0x62]);
    expect((await refused(zip, 'paper.zip')).message).toBe(
      'paper.zip is a ZIP archive, not a Word document.',
    );
  });
});
