import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaper } from '../../../src/import/import-paper';
import { describeWarning } from '../../../src/import/report';
import { startTestDynamo } from '../../support/harness';
import { formsPaper } from '../../support/statutory-forms';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
beforeEach(async () => {
  data = await startTestDynamo();
});
afterEach(() => data.close());

const form = (ref: string, to: string) => ({
  ref,
  issued: '25 March 2025',
  effective: '1 April 2025',
  to,
  text: `${to} is directed to redesign care at home services and report by September 2025.`,
});

describe('importing for Highland (the lead-agency model)', () => {
  it('asks the officer to check a direction issued to both partners, and only that one', async () => {
    const paper = formsPaper('Highland Health and Social Care Partnership: Directions 2025-26', [
      form('HHSCP-2025-01', 'NHS Highland and The Highland Council'),
      form('HHSCP-2025-02', 'NHS Highland'),
    ]);
    const result = await importPaper(
      { store: data.store, imports: data.imports, clock: () => new Date('2025-04-10T10:00:00Z') },
      {
        bytes: Buffer.from(paper),
        fileName: 'highland.txt',
        ijbId: 'highland',
        planYear: '2025-26',
        dryRun: true,
        by: 'U0ADMIN',
      },
    );
    expect(result.status === 'refused' ? result.problems : []).toEqual([]);
    const warnings = result.warnings.map(describeWarning).filter((line) => line.includes('lead-agency'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('HHSCP-2025-01');
  });
});
