import { describe, expect, it } from 'vitest';
import { mendRunTogether, vocabularyOf } from '../../src/import/parse/words';

const vocabulary = vocabularyOf(
  ['End of year', 'the end', 'end of March', 'roof'].map((text, line) => ({
    text,
    indent: 0,
    at: { line, unit: 'line' as const },
  })),
);

describe('words run together or split by conversion', () => {
  it('are mended, and each repair said', () => {
    expect(mendRunTogether('the 3 rd Sector and the Endof-year report', vocabulary)).toEqual({
      text: 'the 3rd Sector and the End-of-year report',
      repairs: [
        { from: '3 rd', to: '3rd' },
        { from: 'Endof-year', to: 'End-of-year' },
      ],
    });
  });

  it('leave words that do end in "of" alone', () => {
    expect(mendRunTogether('a roof-top garden', vocabulary).text).toBe('a roof-top garden');
  });
});
