import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/domain/direction';
import { nearestRefs } from '../../src/lookup/nearest-refs';
import { searchDirections } from '../../src/lookup/search';
import { SEED_PLAN_YEARS } from '../../src/register/seed';

const midlothian = SEED_PLAN_YEARS[0];
if (!midlothian) throw new Error('seed missing');
const directions: Direction[] = midlothian.directions.map((issued) => ({
  ...issued,
  ijbId: 'midlothian',
  planYear: '2023-24',
  status: 'not-reported',
  leads: [],
  version: 1,
}));
const refsFor = (query: string) => searchDirections(directions, query).map((hit) => hit.direction.ref);

describe('search', () => {
  it('finds directions by their words, best first', () => {
    expect(refsFor('carers')).toEqual(['6.1', '6.2']);
    expect(refsFor('frailty')).toEqual(['3.2']);
    expect(refsFor('digital')[0]).toBe('5.2');
  });

  it('forgives typos and word endings', () => {
    expect(refsFor('carrers')).toEqual(['6.1', '6.2']);
    expect(refsFor('frialty')).toEqual(['3.2']);
    expect(refsFor('disaggregate')).toEqual(['5.1']);
  });

  it('ranks directions matching more of the words first', () => {
    expect(refsFor('self management').slice(0, 2).sort()).toEqual(['2.1', '4.2']);
  });

  it('matches theme names', () => {
    expect(refsFor('workforce')).toContain('8.2');
  });

  it('finds nothing for words that are not there, or only stop words', () => {
    expect(refsFor('zebra crossing')).toEqual([]);
    expect(refsFor('the and of')).toEqual([]);
  });
});

describe('nearest refs', () => {
  const known = directions.map((direction) => direction.ref);

  it('suggests siblings under the same heading', () => {
    expect(nearestRefs('5.3', known)).toEqual(['5.1', '5.2']);
    expect(nearestRefs('7.9', known)).toEqual(['7.1', '7.2', '7.3']);
  });

  it('suggests refs a typo away when there are no siblings', () => {
    expect(nearestRefs('51', known)).toContain('5.1');
    expect(nearestRefs('D15d', ['D15c', 'D15a', 'D01h'])).toEqual(['D15a', 'D15c']);
  });

  it('suggests nothing for refs nowhere near', () => {
    expect(nearestRefs('D99z', known)).toEqual([]);
  });
});
