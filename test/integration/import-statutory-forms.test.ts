import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaper } from '../../src/import/import-paper';
import { resultText } from '../../src/import/report';
import { startTestDynamo } from '../support/harness';
import { docxOf } from '../support/paper-files';
import { type FormSpec, formsPaper, GLASGOW_FORMS } from '../support/statutory-forms';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
beforeAll(async () => {
  data = await startTestDynamo();
});
afterAll(() => data.close());

const LAST_YEAR: FormSpec[] = [
  {
    ref: 'GCIJB-2024-03',
    to: 'Both',
    text: 'NHS Greater Glasgow and Clyde and Glasgow City Council are directed to reduce delayed discharges by March 2025.',
    issued: '27 March 2024',
    effective: '1 April 2024',
    review: 'March 2025',
  },
];

const run = async (bytes: Uint8Array, request: { ijbId?: string; planYear?: string; dryRun?: boolean }) =>
  importPaper(
    { store: data.store, imports: data.imports, clock: () => new Date('2025-04-02T09:00:00Z') },
    {
      bytes,
      fileName: bytes[0] === 0x50 ? 'directions.docx' : 'directions.txt',
      dryRun: false,
      by: 'U0ADMIN',
      ...request,
    },
  );

describe('importing a paper of statutory direction forms', () => {
  it('works out the IJB and the year from the paper, says so in the dry run, and links earlier years', async () => {
    const earlier = await run(Buffer.from(formsPaper('Glasgow City IJB Directions 2024-25', LAST_YEAR)), {
      ijbId: 'glasgow-city',
      planYear: '2024-25',
    });
    expect(earlier.status).toBe('applied');

    const bytes = await docxOf(
      formsPaper('Glasgow City Integration Joint Board: Directions 2025-26', GLASGOW_FORMS),
    );
    const dry = await run(bytes, { dryRun: true });
    expect(dry.status).toBe('dry-run');
    if (dry.status === 'refused') return;
    expect([dry.ijb.id, dry.planYear, dry.fromPaper]).toEqual([
      'glasgow-city',
      '2025-26',
      { ijb: true, planYear: true },
    ]);
    const text = resultText(dry);
    expect(text).toMatch(/read as statutory direction forms: 3 forms/);
    expect(text).toMatch(
      /Read from the paper: the IJB \(Glasgow City: --ijb glasgow-city\) and the year \(2025-26\)/,
    );
    expect(text).toMatch(/supersedes GCIJB-2024-03 \(2024-25\)/);

    const applied = await run(bytes, {});
    expect(applied.status).toBe('applied');
    const stored = await data.store.getDirection('glasgow-city', '2025-26', 'GCIJB-2025-07');
    expect(stored?.supersedes).toEqual([{ planYear: '2024-25', ref: 'GCIJB-2024-03' }]);
    expect(stored?.form?.budget?.split).toHaveLength(2);
    const replaced = await data.store.getDirection('glasgow-city', '2024-25', 'GCIJB-2024-03');
    expect(replaced?.lifecycle?.state).toBe('superseded');
    // GCIJB-2024-11 comes with its year (2024-25): taken as the form gives it, not looked up.
    expect(applied.status !== 'refused' && applied.warnings.map((w) => w.message).join('\n')).not.toMatch(
      /GCIJB-2024-11/,
    );
    const milestones = await data.store.listMilestones('glasgow-city', '2025-26');
    expect(milestones.map((m) => m.directions[0]).sort()).toEqual([
      'GCIJB-2025-07',
      'GCIJB-2025-08',
      'GCIJB-2025-09',
    ]);

    const again = await run(bytes, {});
    expect(again.status).toBe('unchanged');
  });

  it('keeps a previous direction that is not in the register as a reference, and says so', async () => {
    const forms = [
      {
        ...(GLASGOW_FORMS[1] as FormSpec),
        ref: 'FIJB-2025-01',
        to: 'Fife Council',
        previous: 'Cancels FIJB-2019-04',
      },
    ];
    const result = await run(
      Buffer.from(formsPaper('Fife Integration Joint Board Directions 2025-26', forms)),
      {},
    );
    expect(result.status).toBe('applied');
    if (result.status === 'refused') return;
    expect(result.ijb.id).toBe('fife');
    expect(result.paper.directions[0]?.form?.previous).toEqual([{ action: 'cancels', ref: 'FIJB-2019-04' }]);
    expect(result.warnings.map((w) => w.message)).toContain(
      'cancels FIJB-2019-04, which is not in the register: kept as a reference.',
    );
  });

  it('asks for --ijb when the paper does not say whose it is', async () => {
    const result = await run(
      Buffer.from(formsPaper('Directions 2025-26', [{ ...(GLASGOW_FORMS[1] as FormSpec), to: 'Both' }])),
      {},
    );
    expect(result.status).toBe('refused');
    expect(result.status === 'refused' && result.problems[0]?.hint).toMatch(/--ijb/);
  });

  it('shows a revised form as before → after, the changed words marked', async () => {
    const form: FormSpec = {
      ...(GLASGOW_FORMS[1] as FormSpec),
      ref: 'ERIJB-2025-01',
      to: 'East Renfrewshire Council',
      text: 'East Renfrewshire Council is directed to deliver the carers strategy by March 2026.',
    };
    const paper = (text: string) =>
      Buffer.from(formsPaper('East Renfrewshire IJB Directions 2025-26', [{ ...form, text }]));
    expect((await run(paper(form.text as string), {})).status).toBe('applied');
    const revised = await run(
      paper('East Renfrewshire Council is directed to deliver the carers strategy by June 2026.'),
      { dryRun: true },
    );
    expect(revised.status).toBe('dry-run');
    if (revised.status === 'refused') return;
    const text = resultText(revised);
    expect(text).toMatch(/~ ERIJB-2025-01: text, deadlines/);
    expect(text).toMatch(/text: .*strategy by \[-March-\] \{\+June\+\} 2026\./);
    expect(text).toMatch(/deadlines: by March 2026 → by June 2026/);
  });
});
