import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedPaper } from '../../src/import/parse/paper';
import { digest, EAST_LOTHIAN_PAPER, parseFile } from '../support/papers';

const COMMUNITY = 'Delegated Community Health Services';
const ADULT = 'Delegated Adult Social Care Services';
const ACUTE = 'Acute Services/Increasing Community Provision';
const SHIFTING = 'Shifting the Balance of Care for Care Groups';
const MH = 'Drug and Alcohol Services and Mental Health';
const EAST_LOTHIAN: [string, string, string[], string][] = [
  ['D01h', 'H', [], COMMUNITY],
  ['D02f', 'C', [], ADULT],
  ['D02i', 'HC', [], ADULT],
  ['D02j', 'C', [], ADULT],
  ['D02k', 'C', [], ADULT],
  ['D04b', 'H', ['by December 2020'], 'Hosted Services'],
  ['D04c', 'H', [], 'Hosted Services'],
  ['D04d', 'H', [], 'Hosted Services'],
  ['D10b', 'H', [], 'Primary Care'],
  ['D10d', 'H', [], 'Primary Care'],
  ['D10j', 'H', [], 'Primary Care'],
  ['D10k', 'C', [], 'Primary Care'],
  ['D11a', 'H', [], ACUTE],
  ['D11b', 'H', [], ACUTE],
  ['D11c', 'H', [], ACUTE],
  ['D11d', 'H', [], ACUTE],
  ['D11e', 'H', [], ACUTE],
  ['D12a', 'HC', [], SHIFTING],
  ['D12c', 'C', ['by January 2020'], SHIFTING],
  ['D12d', 'HC', [], SHIFTING],
  ['D12g', 'HC', [], SHIFTING],
  ['D12j', 'C', [], SHIFTING],
  ['D12k', 'H', [], SHIFTING],
  ['D13b', 'H', ['by January 2020'], 'Delivery of Modern Outpatients'],
  ['D14a', 'HC', ['by September 2019'], 'NHS Lothian and East Lothian Support'],
  ['D14c', 'HC', ['by March 2020'], 'NHS Lothian and East Lothian Support'],
  ['D15c', 'HC', ['by April 2020'], MH],
  ['D15g', 'H', [], MH],
  ['D15h', 'HC', [], MH],
  ['D15i', 'HC', ['by October 2020'], MH],
  ['D15j', 'HC', [], MH],
  ['D15k', 'HC', ['by April 2020'], MH],
  ['D15l', 'H', ['by April 2020'], MH],
  ['D15m', 'HC', [], MH],
  ['D16a', 'H', ['by November 2020'], 'Community Justice'],
  ['D18a', 'C', ['by March 2020'], 'Directions D18'],
  ['D18b', 'HC', ['by January 2020'], 'Directions D18'],
  ['D18c', 'C', ['by December 2019'], 'Directions D18'],
  ['D18d', 'C', [], 'Directions D18'],
  ['D18e', 'HC', [], 'Directions D18'],
];

let paper: ParsedPaper;
const direction = (ref: string) => paper.directions.find((candidate) => candidate.ref === ref);
const warned = (pattern: RegExp) =>
  paper.warnings.some((warning) => pattern.test(`${warning.ref ?? ''} ${warning.message}`));

beforeAll(async () => {
  paper = await parseFile(EAST_LOTHIAN_PAPER, 'east-lothian.txt', 'east-lothian', '2019-20');
});

describe('a coded-table paper (East Lothian 2019-20)', () => {
  it('finds every direction with its ref, recipients, deadlines and theme', () => {
    expect(paper.problems).toEqual([]);
    expect(paper.family).toBe('coded-table');
    expect(digest(paper)).toEqual(EAST_LOTHIAN);
  });

  it('reads title, related functions, link, oversight and the heading’s budget', () => {
    expect(direction('D10b')).toMatchObject({
      title: 'Cluster Work',
      functions: ['Primary Medical Services and General Medical Services'],
      link: 'https://www.sehd.scot.nhs.uk/pca/PCA2019(M)08.pdf',
      oversight: expect.stringMatching(
        /^GP Clusters will report progress into the Primary Care Change Board/,
      ),
      theme: { name: 'Primary Care', budget: { thousands: 17_922, asWritten: 'Budget: 17,922K' } },
    });
    expect(direction('D02f')?.functions).toEqual([
      'Services and support for adults with Physical disabilities and learning disabilities',
      'Social work services for adults and older people',
      'Aspects of housing support, including aids and adaptions',
    ]);
    expect(direction('D10k')?.link).toBe('Elective Centres Primary Care Improvement Plan');
  });

  it('turns markers into fields and leaves them out of the text', () => {
    expect(direction('D02j')?.marker).toBe('new');
    expect(direction('D01h')?.marker).toBe('revised');
    expect(direction('D11b')?.marker).toBe('continuing');
    expect(direction('D12j')).toMatchObject({
      marker: 'new',
      supersedes: [{ planYear: '2018-19', ref: 'D12b' }],
    });
    expect(direction('D10j')?.supersedes).toEqual([{ planYear: '2018-19', ref: 'D10i' }]);
    for (const each of paper.directions)
      expect(each.text).not.toMatch(/\((NEW|New) Direction|\(revised\)|\(continuing\)/i);
  });

  it('writes bullets inside a cell as sub-points', () => {
    expect(
      direction('D18b')
        ?.text.split('\n')
        .filter((line) => line.startsWith('• ')),
    ).toHaveLength(3);
  });

  it('mends conversion slips with confidence and says what it inferred', () => {
    expect(direction('D15l')?.title).toBe('Psychological Services Delegation');
    expect(warned(/Code "D15I" read as D15l/)).toBe(true);
    expect(direction('D15c')?.theme.budget?.thousands).toBe(9702);
    expect(warned(/Budget: 9,702h/)).toBe(true);
    expect(direction('D14a')?.deadlines[0]).toEqual({
      kind: 'month',
      year: 2019,
      month: 9,
      asWritten: 'by September 2019',
    });
    expect(direction('D12c')?.oversight).toBe(
      'A completed Review report will be submitted to the IJB by January 2020.',
    );
    expect(warned(/D12c "every 3 months\." .* repeats the end of the row above/)).toBe(true);
    expect(warned(/D11a Its heading "Direct Provis ions to NHS Lothia unity" names no theme/)).toBe(true);
    expect(warned(/D16a Its text names neither partner/)).toBe(true);
  });

  it('reads the outcome table of 2018-19 as lifecycle and supersession of those directions', () => {
    const outcomes = new Map(paper.outcomes.map((outcome) => [outcome.ref, outcome]));
    expect(paper.outcomes).toHaveLength(33);
    expect(paper.outcomes.every((outcome) => outcome.planYear === '2018-19')).toBe(true);
    expect(outcomes.get('D03c')?.lifecycle).toMatchObject({ state: 'achieved', outcome: 'Achieved' });
    expect(outcomes.get('D01i')?.lifecycle.state).toBe('revoked');
    expect(outcomes.get('D05a')?.lifecycle).toMatchObject({
      state: 'retired',
      outcome: 'Retire – Business as usual',
    });
    expect(outcomes.get('D04b')?.lifecycle.state).toBe('varied');
    expect(outcomes.get('D10i')).toMatchObject({
      lifecycle: { state: 'superseded', outcome: 'Replaced with related Direction D10j' },
      supersededBy: [{ planYear: '2019-20', ref: 'D10j' }],
      heading: 'Primary Care',
    });
    expect(outcomes.get('D12b')?.supersededBy).toEqual([{ planYear: '2019-20', ref: 'D12j' }]);
    expect(outcomes.get('D11b')?.heading).toBe(ACUTE);
    for (const ref of ['D15b', 'D15c', 'D15d', 'D15e', 'D15f', 'D15g']) expect(outcomes.has(ref)).toBe(true);
  });

  it('imports the delivery plan as milestones of the directions they name, with their own dates', () => {
    expect(paper.milestones).toHaveLength(49);
    const milestone = (start: string) =>
      paper.milestones.find((candidate) => candidate.action.startsWith(start));
    expect(milestone('Develop diabetes services')).toMatchObject({
      area: 'Primary Care Change Board',
      kpi: 'Completion of fully costed service transformation plan',
      directions: ['D13b'],
      timeframe: {
        asWritten: 'January 2020',
        deadlines: [{ kind: 'month', year: 2020, month: 1, asWritten: 'January 2020' }],
      },
    });
    expect(milestone('Actively review patient processes')?.directions).toEqual(['D11b', 'D11c']);
    expect(
      milestone('Extend pharmacotherapy')?.timeframe.deadlines.map((deadline) => deadline.asWritten),
    ).toEqual(['Apr 2021', 'April 2020']);
    // A code lost in conversion, an old code, a wrong code: linked by the words they quote.
    expect(milestone('Develop collaborative working')?.directions).toEqual(['D10b']);
    expect(milestone('Develop eHealth')?.directions).toEqual(['D10j']);
    expect(milestone('Link with workforce planning')?.directions).toEqual(['D02k']);
    expect(milestone('Advertise availability of Deaf Blind')?.directions).toEqual(['D04c']);
    expect(milestone('Support the development of new proposed pain pathway')).toMatchObject({
      directions: [],
      policyDrivers: 'Shifting the Balance of Care / Care Closer to Home',
    });
    expect(milestone('NHS Lothian to complete strategic assessments')?.action).toBe(
      'NHS Lothian to complete strategic assessments and support practices to ensure sustainable premises.',
    );
  });
});
