import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminDirectory, NotAnAdminError } from '../../src/access/admins';
import { seedRegister } from '../../src/register/seed';
import type { RegisterStore } from '../../src/store/register-store';
import { createThreadAnchorStore } from '../../src/store/thread-anchors';
import { startTestDynamo } from '../support/harness';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
let store: RegisterStore;

beforeAll(async () => {
  data = await startTestDynamo();
  store = data.store;
  await seedRegister(store, new Date('2023-04-01T09:00:00Z'));
});
afterAll(() => data.close());

describe('the register in DynamoDB', () => {
  it('holds all 21 Midlothian 2023-24 directions, and the IJB’s latest year; East Lothian 2019-20 beside it', async () => {
    const directions = await store.listDirections('midlothian', '2023-24');
    expect(directions).toHaveLength(21);
    expect((await store.getIjb('midlothian'))?.latestPlanYear).toBe('2023-24');
    expect((await store.listIjbs()).map((ijb) => ijb.id)).toEqual(['east-lothian', 'midlothian']);
  });

  it('seeds once: a second run loads nothing and changes nothing', async () => {
    const before = await store.listDirections('midlothian', '2023-24');
    expect(await seedRegister(store, new Date('2024-01-01T09:00:00Z'))).toEqual([]);
    expect(await store.listDirections('midlothian', '2023-24')).toEqual(before);
  });

  it('finds a direction whatever the case of its ref', async () => {
    expect((await store.getDirection('midlothian', '2023-24', '5.1'))?.ref).toBe('5.1');
    expect(await store.getDirection('midlothian', '2023-24', '5.3')).toBeUndefined();
  });

  it('reads deadlines by due day from the index, inclusive of both ends', async () => {
    const due = await store.listDue('midlothian', '2023-24', { from: '2024-01-31', to: '2024-01-31' });
    expect(due).toHaveLength(16);
    expect(due.every((entry) => entry.dueDate === '2024-01-31')).toBe(true);
    const next = await store.listDue('midlothian', '2023-24', { from: '2024-02-01', to: '2025-12-31' });
    expect(next.map((entry) => entry.ref)).toEqual(['5.1']);
  });

  it('takes a closed direction’s deadlines out of the index, and puts them back', async () => {
    const window = { from: '2025-01-01', to: '2025-01-31' };
    await store.setDeadlinesOpen('midlothian', '2023-24', '5.1', false);
    expect(await store.listDue('midlothian', '2023-24', window)).toEqual([]);
    await store.setDeadlinesOpen('midlothian', '2023-24', '5.1', true);
    expect((await store.listDue('midlothian', '2023-24', window)).map((entry) => entry.ref)).toEqual(['5.1']);
  });

  it('batch-reads many directions at once', async () => {
    const refs = ['1.1', '5.1', '9.2', 'nope'];
    const found = await store.getDirections('midlothian', '2023-24', refs);
    expect(found.map((direction) => direction.ref).sort()).toEqual(['1.1', '5.1', '9.2']);
  });
});

describe('lookups against the register', () => {
  it('read a direction cold with two requests (profile, direction), warm with one', async () => {
    const { createLookupService } = await import('../../src/lookup/lookup-service');
    const { instrumentStore } = await import('../support/harness');
    const counted = instrumentStore(store);
    const lookup = createLookupService({
      store: counted.store,
      clock: () => new Date(),
      defaultIjbId: 'midlothian',
    });
    const look = async () => {
      const scoped = await lookup.scope({});
      if (!scoped.ok) throw new Error(scoped.problem);
      return lookup.show(scoped.scope, '5.1');
    };
    expect((await look()).kind).toBe('found');
    expect(counted.calls).toEqual(['getIjb', 'getDirection']);
    counted.calls.length = 0;
    await look();
    expect(counted.calls).toEqual(['getDirection']);
  });
});

describe('IJB admins', () => {
  it('are the configured ones plus those an admin adds', async () => {
    const admins = createAdminDirectory(data.db, data.tableName, ['U0ADMIN'], 'midlothian');
    expect(await admins.isAdmin('midlothian', 'U0ADMIN')).toBe(true);
    expect(await admins.isAdmin('midlothian', 'U0OTHER')).toBe(false);
    await admins.add('midlothian', 'U0OTHER', 'U0ADMIN', new Date());
    expect(await admins.isAdmin('midlothian', 'U0OTHER')).toBe(true);
    expect(await admins.isAdmin('east-lothian', 'U0OTHER')).toBe(false);
  });

  it('may only be added by an admin', async () => {
    const admins = createAdminDirectory(data.db, data.tableName, ['U0ADMIN'], 'midlothian');
    await expect(admins.add('midlothian', 'U0SNEAK', 'U0NOBODY', new Date())).rejects.toBeInstanceOf(
      NotAnAdminError,
    );
    expect(await admins.isAdmin('midlothian', 'U0SNEAK')).toBe(false);
  });

  it('configured without an IJB are admins of the workspace’s IJB only; `ijb:user` names another', async () => {
    const admins = createAdminDirectory(
      data.db,
      data.tableName,
      ['U0MIDADM', 'east-lothian:U0EASTADM'],
      'midlothian',
    );
    expect(await admins.isAdmin('midlothian', 'U0MIDADM')).toBe(true);
    expect(await admins.isAdmin('east-lothian', 'U0MIDADM')).toBe(false);
    expect(await admins.isAdmin('east-lothian', 'U0EASTADM')).toBe(true);
    expect(await admins.isAdmin('midlothian', 'U0EASTADM')).toBe(false);
    expect(await admins.list('east-lothian')).toEqual(['U0EASTADM']);
    await expect(admins.add('east-lothian', 'U0SNEAK2', 'U0MIDADM', new Date())).rejects.toBeInstanceOf(
      NotAnAdminError,
    );
  });

  it('added in Slack can be removed by an admin, but never the last one nor a configured one', async () => {
    const admins = createAdminDirectory(data.db, data.tableName, [], 'midlothian');
    const ijb = 'scottish-borders';
    // The IJB's first admin is added straight to the table, as DIRECTIONS_ADMINS would have been.
    const configured = createAdminDirectory(data.db, data.tableName, [`${ijb}:U0FIRST`], 'midlothian');
    await configured.add(ijb, 'U0SECOND', 'U0FIRST', new Date());
    await configured.add(ijb, 'U0THIRD', 'U0SECOND', new Date());
    await expect(configured.remove(ijb, 'U0FIRST', 'U0SECOND')).rejects.toMatchObject({ why: 'configured' });
    await expect(admins.remove(ijb, 'U0THIRD', 'U0NOBODY')).rejects.toBeInstanceOf(NotAnAdminError);
    await admins.remove(ijb, 'U0THIRD', 'U0SECOND');
    expect(await admins.list(ijb)).toEqual(['U0SECOND']);
    await expect(admins.remove(ijb, 'U0SECOND', 'U0SECOND')).rejects.toMatchObject({ why: 'last-admin' });
    expect(await admins.list(ijb)).toEqual(['U0SECOND']);
  });
});

describe('thread anchors', () => {
  it('remember which directions a Slack message stands for', async () => {
    const anchors = createThreadAnchorStore(data.db, data.tableName);
    const anchor = {
      channel: 'C1',
      ts: '1700000000.000100',
      kind: 'nudge' as const,
      directions: [{ ijbId: 'midlothian', planYear: '2023-24', ref: '5.1' }],
      createdAt: '2024-12-20T09:00:00.000Z',
    };
    await anchors.put(anchor);
    expect(await anchors.get('C1', '1700000000.000100')).toEqual(anchor);
    expect(await anchors.get('C1', '1700000000.000200')).toBeUndefined();
  });
});
