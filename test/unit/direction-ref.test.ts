import { describe, expect, it } from 'vitest';
import { DirectionRefSchema } from '../../src/domain/direction';
import { matchDirectionRefs, readWrittenRef } from '../../src/domain/direction-ref';

const KNOWN = ['GCIJB-2025-07', 'GCIJB-2025-08', 'GCIJB-2024-07', '12/2025', '5.7', 'D15c'];

describe('direction refs', () => {
  it('are kept as issued: numbered, coded, and statutory-form references', () => {
    for (const ref of ['5.1', 'D15c', 'GCIJB-2025-07', '12/2025', 'WL/IJB/2024/3'])
      expect(DirectionRefSchema.safeParse(ref).success).toBe(true);
    for (const ref of ['carers', '2025', 'GCIJB 2025 07', 'a-b'])
      expect(DirectionRefSchema.safeParse(ref).success).toBe(false);
  });

  it('are read from what a form writes around them', () => {
    expect(readWrittenRef('Direction 12/2025')).toBe('12/2025');
    expect(readWrittenRef('Ref no. GCIJB-2025-07.')).toBe('GCIJB-2025-07');
    expect(readWrittenRef('To be confirmed')).toBeUndefined();
  });

  it('are looked up loosely, as people type them', () => {
    expect(matchDirectionRefs('gcijb-2025-07', KNOWN)).toEqual(['GCIJB-2025-07']);
    expect(matchDirectionRefs('08', KNOWN)).toEqual(['GCIJB-2025-08']);
    expect(matchDirectionRefs('07', KNOWN)).toEqual(['GCIJB-2024-07', 'GCIJB-2025-07']);
    expect(matchDirectionRefs('gcijb 2025-26 07', KNOWN)).toEqual(['GCIJB-2025-07']);
    expect(matchDirectionRefs('direction 12', KNOWN)).toEqual(['12/2025']);
    // 5.7 is the seventh direction under heading 5, not "7".
    expect(matchDirectionRefs('7', ['5.7'])).toEqual([]);
    expect(matchDirectionRefs('15.7', ['5.7'])).toEqual([]);
  });
});
