import { describe, expect, it } from 'vitest';
import { placeMentions } from '../../src/import/parse/paper-checks';
import { recipientsNamed } from '../../src/import/parse/recipients';
import { councilsOf, IJB_PROFILES } from '../../src/register/ijb-profiles';
import { newIjbProfile } from '../../src/register/new-ijb';

const profile = (id: string) => {
  const ijb = IJB_PROFILES[id];
  if (!ijb) throw new Error(`no ${id}`);
  return ijb;
};

describe('the integration authorities known out of the box', () => {
  it('are all 31, each with a health board and at least one council', () => {
    const all = Object.values(IJB_PROFILES);
    expect(all).toHaveLength(31);
    for (const ijb of all) {
      expect(ijb.healthBoard).toMatch(/^NHS /);
      expect(councilsOf(ijb).every((council) => /Council|Comhairle/.test(council))).toBe(true);
    }
    // 32 councils: Clackmannanshire and Stirling share one IJB.
    expect(all.flatMap(councilsOf)).toHaveLength(32);
    expect(new Set(all.map((ijb) => ijb.healthBoard)).size).toBe(14);
  });

  it('know Clackmannanshire & Stirling has two councils, and Highland no IJB', () => {
    expect(councilsOf(profile('clackmannanshire-and-stirling'))).toEqual([
      'Clackmannanshire Council',
      'Stirling Council',
    ]);
    expect(profile('highland').model).toBe('lead-agency');
    expect(profile('highland').name).not.toMatch(/Integration Joint Board/);
  });

  it('recognise each partner by name as directions write it', () => {
    expect(recipientsNamed('NHS Greater Glasgow and Clyde', profile('glasgow-city'))).toEqual([
      'health-board',
    ]);
    expect(recipientsNamed('Stirling Council', profile('clackmannanshire-and-stirling'))).toEqual([
      'council',
    ]);
    expect(recipientsNamed('NHS Ayrshire & Arran', profile('north-ayrshire'))).toEqual(['health-board']);
    expect(recipientsNamed('City of Edinburgh Council and NHS Lothian', profile('edinburgh'))).toEqual([
      'health-board',
      'council',
    ]);
    expect(recipientsNamed('Glasgow City Council', profile('east-renfrewshire'))).toEqual([]);
  });

  it('tell papers of neighbours apart: NHS Highland is not Highland, NHS GGC is not Glasgow City', () => {
    const argyll = 'Argyll and Bute IJB directs NHS Highland. NHS Highland and Argyll and Bute Council.';
    expect(placeMentions(argyll).map((entry) => entry.ijb.id)).toEqual(['argyll-and-bute']);
    expect(placeMentions('NHS Greater Glasgow and Clyde and Inverclyde Council')[0]?.ijb.id).toBe(
      'inverclyde',
    );
  });
});

describe('adding an IJB not in the list', () => {
  it('makes a profile from its name and partners', () => {
    const added = newIjbProfile({
      id: 'test-valley',
      name: 'Test Valley Integration Joint Board',
      shortName: 'Test Valley',
      healthBoard: 'NHS Test Valley',
      councils: ['Test Valley Council'],
    });
    expect(added).toMatchObject({
      ok: true,
      ijb: { council: 'Test Valley Council', healthBoard: 'NHS Test Valley' },
    });
  });

  it('refuses one without partners, or one already known, saying why', () => {
    const refused = newIjbProfile({
      id: 'fife',
      name: 'Fife IJB',
      shortName: 'Fife',
      healthBoard: 'Fife',
      councils: [],
    });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems.join('\n')).toMatch(/healthBoard/);
    expect(refused.problems.join('\n')).toMatch(/councils/);
    expect(refused.problems.join('\n')).toMatch(/known out of the box/);
  });
});
