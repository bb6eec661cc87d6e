import { describe, expect, it } from 'vitest';
import { markChangedWords } from '../../src/import/word-diff';

describe('a revision shown before → after', () => {
  it('marks the words removed and added, keeps the rest', () => {
    expect(
      markChangedWords(
        'NHS Lothian must deliver the Wellbeing service by January 2024.',
        'NHS Lothian and Midlothian Council must deliver the Wellbeing service by March 2024.',
      ),
    ).toBe(
      'NHS Lothian {+and Midlothian Council+} must deliver the Wellbeing service by [-January-] {+March+} 2024.',
    );
  });

  it('says nothing changed words when the texts are the same', () => {
    expect(markChangedWords('a b c', 'a b c')).toBe('a b c');
  });
});
