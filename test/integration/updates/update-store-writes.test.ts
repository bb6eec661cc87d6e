import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpdateStore } from '../../../src/store/update-store';
import { startTestDynamo } from '../../support/harness';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
beforeAll(async () => {
  data = await startTestDynamo();
});
afterAll(() => data.close());

const update = {
  id: 'u-1',
  ijbId: 'midlothian',
  planYear: '2023-24',
  ref: '5.1',
  at: '2024-12-02T10:05:00.000Z',
  by: 'U0LEAD',
  via: 'form' as const,
  revision: 1,
  status: 'on-track' as const,
  text: 'dashboard live',
  evidence: [],
};

describe('the update store', () => {
  it('writes only what it can read back: an update its reader would refuse is refused, and nothing is stored', async () => {
    const updates = createUpdateStore(data.db, data.tableName);
    const key = { ijbId: 'midlothian', planYear: '2023-24', ref: '5.1' };
    // A surface name the model does not know, as a careless caller might pass it.
    const unknownVia = { ...update, id: 'u-bad', via: 'teams' } as unknown as typeof update;
    await expect(updates.create(unknownVia)).rejects.toThrow(/via/);
    expect(await updates.get(key, 'u-bad')).toBeUndefined();
    // A valid one is stored and read back whole.
    expect(await updates.create(update)).toBe('created');
    expect(await updates.get(key, 'u-1')).toMatchObject({ id: 'u-1', via: 'form', text: 'dashboard live' });
  });
});
