import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApiHarness } from '../../support/api';
import { contractOf } from '../../support/openapi-contract';
import { MIDLOTHIAN_PAPER } from '../../support/papers';

let api: ApiHarness;
let contract: ReturnType<typeof contractOf>;
beforeAll(async () => {
  api = await startApiHarness({ env: { API_RATE_LIMIT: '5' } });
  const served = await api.request('/api/v1/openapi.json');
  contract = contractOf(served.body);
});
afterAll(() => api.close());

const Y = '/ijbs/{ijb}/years/{year}';
const D = `${Y}/directions/{ref}`;
const json = { 'content-type': 'application/json' };
let n = 0;
const idem = () => ({ ...json, 'idempotency-key': `contract-${Date.now()}-${n++}` });
const good = JSON.stringify({ status: 'on-track', text: 'Dashboard by HSCP area is live for two services.' });

/** Each case: the operation, how to call it with a fresh key (keys rate-limit at 5 a minute). */
type Case = [
  method: string,
  template: string,
  path: string,
  status: number,
  call: (
    key: (scope?: 'read' | 'write' | 'admin', ijb?: string) => Promise<string>,
  ) => Promise<RequestInit & { key?: string }>,
];

const read = async (k: Parameters<Case[4]>[0]) => ({ key: await k('read') });
const IMP = '/ijbs/{ijb}/imports';
const text = { 'content-type': 'text/plain' };
const paper = (scope: 'write' | 'admin') => async (k: Parameters<Case[4]>[0]) => ({
  key: await k(scope),
  method: 'POST',
  headers: text,
  body: MIDLOTHIAN_PAPER,
});
const cases: Case[] = [
  ['GET', '/ijbs', '/ijbs', 200, read],
  ['GET', '/ijbs', '/ijbs', 401, async () => ({})],
  [
    'GET',
    '/ijbs',
    '/ijbs',
    401,
    async () => ({ key: 'ijbd_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }),
  ],
  ['GET', '/ijbs/{ijb}/years', '/ijbs/midlothian/years', 200, read],
  ['GET', '/ijbs/{ijb}/years', '/ijbs/Not_An_Ijb/years', 400, read],
  ['GET', '/ijbs/{ijb}/years', '/ijbs/midlothian/years', 401, async () => ({})],
  ['GET', '/ijbs/{ijb}/years', '/ijbs/east-lothian/years', 403, read],
  ['GET', '/ijbs/{ijb}/years', '/ijbs/nowhere-ijb/years', 404, async (k) => ({ key: await k('read', '*') })],
  [
    'GET',
    `${Y}/directions`,
    '/ijbs/midlothian/years/2023-24/directions?status=not-reported&limit=3',
    200,
    read,
  ],
  ['GET', `${Y}/directions`, '/ijbs/midlothian/years/2023-24/directions?limit=101', 400, read],
  ['GET', `${Y}/directions`, '/ijbs/midlothian/years/2023-24/directions', 401, async () => ({})],
  ['GET', `${Y}/directions`, '/ijbs/east-lothian/years/2019-20/directions', 403, read],
  ['GET', `${Y}/directions`, '/ijbs/midlothian/years/2001-02/directions', 404, read],
  ['GET', D, '/ijbs/midlothian/years/2023-24/directions/5.1', 200, read],
  ['GET', D, '/ijbs/midlothian/years/2023-24/directions/not a ref', 400, read],
  ['GET', D, '/ijbs/midlothian/years/2023-24/directions/5.1', 401, async () => ({})],
  ['GET', D, '/ijbs/east-lothian/years/2019-20/directions/D1', 403, read],
  ['GET', D, '/ijbs/midlothian/years/2023-24/directions/99.9', 404, read],
  ['GET', `${D}/updates`, '/ijbs/midlothian/years/2023-24/directions/5.1/updates', 200, read],
  ['GET', `${D}/updates`, '/ijbs/midlothian/years/2023-24/directions/5.1/updates?cursor=nonsense', 400, read],
  ['GET', `${D}/updates`, '/ijbs/midlothian/years/2023-24/directions/5.1/updates', 401, async () => ({})],
  ['GET', `${D}/updates`, '/ijbs/east-lothian/years/2019-20/directions/D1/updates', 403, read],
  ['GET', `${D}/updates`, '/ijbs/midlothian/years/2023-24/directions/99.9/updates', 404, read],
  [
    'POST',
    `${D}/updates`,
    '/ijbs/midlothian/years/2023-24/directions/5.2/updates',
    201,
    async (k) => ({ key: await k('write'), method: 'POST', headers: idem(), body: good }),
  ],
  [
    'POST',
    `${D}/updates`,
    '/ijbs/midlothian/years/2023-24/directions/5.2/updates',
    400,
    async (k) => ({ key: await k('write'), method: 'POST', headers: json, body: good }),
  ],
  [
    'POST',
    `${D}/updates`,
    '/ijbs/midlothian/years/2023-24/directions/5.2/updates',
    401,
    async () => ({ method: 'POST', headers: idem(), body: good }),
  ],
  [
    'POST',
    `${D}/updates`,
    '/ijbs/midlothian/years/2023-24/directions/5.2/updates',
    403,
    async (k) => ({ key: await k('read'), method: 'POST', headers: idem(), body: good }),
  ],
  [
    'POST',
    `${D}/updates`,
    '/ijbs/midlothian/years/2023-24/directions/99.9/updates',
    404,
    async (k) => ({ key: await k('write'), method: 'POST', headers: idem(), body: good }),
  ],
  [
    'POST',
    `${D}/updates`,
    '/ijbs/midlothian/years/2023-24/directions/5.2/updates',
    413,
    async (k) => ({
      key: await k('write'),
      method: 'POST',
      headers: idem(),
      body: JSON.stringify({ status: 'on-track', text: 'x'.repeat(70_000) }),
    }),
  ],
  [
    'POST',
    `${D}/updates`,
    '/ijbs/midlothian/years/2023-24/directions/5.2/updates',
    422,
    async (k) => ({
      key: await k('write'),
      method: 'POST',
      headers: idem(),
      body: JSON.stringify({ status: 'achieved', text: 'Done' }),
    }),
  ],
  ['GET', `${Y}/report`, '/ijbs/midlothian/years/2023-24/report?format=csv', 200, read],
  ['GET', `${Y}/report`, '/ijbs/midlothian/years/2023-24/report?format=json', 200, read],
  ['GET', `${Y}/report`, '/ijbs/midlothian/years/2023-24/report', 200, read],
  ['GET', `${Y}/report`, '/ijbs/midlothian/years/2023-24/report?format=pdf', 400, read],
  ['GET', `${Y}/report`, '/ijbs/midlothian/years/2023-24/report', 401, async () => ({})],
  ['GET', `${Y}/report`, '/ijbs/east-lothian/years/2019-20/report', 403, read],
  ['GET', `${Y}/report`, '/ijbs/midlothian/years/2023-24/report?round=no-such-round', 404, read],
  ['GET', `${Y}/report`, '/ijbs/midlothian/years/2001-02/report', 404, read],
  ['POST', IMP, '/ijbs/midlothian/imports?year=2023-24', 200, paper('admin')],
  ['POST', IMP, '/ijbs/MIDLOTHIAN/imports', 400, paper('admin')],
  ['POST', IMP, '/ijbs/midlothian/imports', 401, async () => ({ method: 'POST' })],
  ['POST', IMP, '/ijbs/midlothian/imports', 403, paper('write')],
  ['POST', IMP, `/ijbs/midlothian/imports?year=2023-24&sha256=${'0'.repeat(64)}`, 409, paper('admin')],
  [
    'POST',
    IMP,
    '/ijbs/midlothian/imports',
    413,
    async (k) => ({ key: await k('admin'), method: 'POST', headers: text, body: 'x'.repeat(4_200_000) }),
  ],
  [
    'POST',
    IMP,
    '/ijbs/midlothian/imports',
    415,
    async (k) => ({
      key: await k('admin'),
      method: 'POST',
      headers: { 'content-type': 'image/gif' },
      body: 'GIF89a',
    }),
  ],
  [
    'POST',
    IMP,
    '/ijbs/midlothian/imports?year=2023-24',
    422,
    async (k) => ({ key: await k('admin'), method: 'POST', headers: text, body: 'Minutes of the meeting.' }),
  ],
  // The board's mid-year changes (scope admin): src/api/routes/changes.ts.
  ...changeCases(),
];

const AUTHORITY = { decidedOn: '2023-06-01', reference: 'paper 5.3' };
const added = (ref: string) =>
  JSON.stringify({
    ref,
    theme: 'Health Inequalities',
    text: 'Midlothian Council must review the design of care at home services.',
    issuedTo: ['council'],
    deadline: 'by January 2025',
    authority: AUTHORITY,
  });
const change = (body: Record<string, unknown>) => JSON.stringify({ authority: AUTHORITY, ...body });

function changeCases(): Case[] {
  const A = `${Y}/directions`;
  const C = `${D}/changes`;
  const post = async (k: Parameters<Case[4]>[0], body: string, scope: 'admin' | 'write' = 'admin') => ({
    key: await k(scope),
    method: 'POST',
    headers: idem(),
    body,
  });
  const at = (ref: string) => `/ijbs/midlothian/years/2023-24/directions/${ref}/changes`;
  return [
    ['POST', A, '/ijbs/midlothian/years/2023-24/directions', 201, (k) => post(k, added('9.9'))],
    [
      'POST',
      A,
      '/ijbs/midlothian/years/2023-24/directions',
      400,
      async (k) => ({ ...(await post(k, added('9.8'))), headers: json }),
    ],
    [
      'POST',
      A,
      '/ijbs/midlothian/years/2023-24/directions',
      401,
      async () => ({ method: 'POST', headers: idem(), body: added('9.8') }),
    ],
    ['POST', A, '/ijbs/midlothian/years/2023-24/directions', 403, (k) => post(k, added('9.8'), 'write')],
    ['POST', A, '/ijbs/midlothian/years/2001-02/directions', 404, (k) => post(k, added('9.8'))],
    ['POST', A, '/ijbs/midlothian/years/2023-24/directions', 409, (k) => post(k, added('5.1'))],
    [
      'POST',
      A,
      '/ijbs/midlothian/years/2023-24/directions',
      422,
      (k) =>
        post(
          k,
          JSON.stringify({
            ...JSON.parse(added('9.8')),
            authority: { ...AUTHORITY, decidedOn: '2999-01-01' },
          }),
        ),
    ],
    ['POST', C, at('6.1'), 201, (k) => post(k, change({ kind: 'vary', deadline: 'by March 2025' }))],
    [
      'POST',
      C,
      at('6.1'),
      400,
      async (k) => ({ ...(await post(k, change({ kind: 'revoke' }))), headers: json }),
    ],
    [
      'POST',
      C,
      at('6.1'),
      401,
      async () => ({ method: 'POST', headers: idem(), body: change({ kind: 'revoke' }) }),
    ],
    ['POST', C, at('6.1'), 403, (k) => post(k, change({ kind: 'revoke' }), 'write')],
    ['POST', C, at('99.9'), 404, (k) => post(k, change({ kind: 'revoke' }))],
    [
      'POST',
      C,
      at('7.1'),
      409,
      async (k) => {
        // Revoked once; revoking it again is a conflict.
        const first = await post(k, change({ kind: 'revoke' }));
        await api.request(`/api/v1${at('7.1')}`, first);
        return post(k, change({ kind: 'revoke' }));
      },
    ],
    ['POST', C, at('6.1'), 422, (k) => post(k, change({ kind: 'supersede' }))],
  ];
}

describe('the API against its own OpenAPI document', () => {
  // One test, so the coverage check at its end does not depend on the order tests run in.
  it('answers every documented status of every operation, each response valid against the served schema', async () => {
    const failures: string[] = [];
    for (const [method, template, path, status, call] of cases) {
      const init = await call((scope = 'read', ijb = 'midlothian') => api.key(scope, ijb));
      const response = await api.request(`/api/v1${path}`, { method, ...init });
      try {
        if (response.status !== status)
          throw new Error(`answered ${response.status}, not ${status}: ${response.text.slice(0, 300)}`);
        contract.check(method, template, response);
        if (status >= 400 && !/\w{4,}/.test(response.body.detail))
          throw new Error('a problem without a detail');
      } catch (error) {
        failures.push(`${method} ${path}: ${(error as Error).message}`);
      }
    }

    // 429 with Retry-After, on every operation, once a key has made its 5 requests for the minute.
    const key = await api.key('read');
    let limited = await api.request('/api/v1/ijbs', { key });
    for (let i = 0; i < 12 && limited.status !== 429; i++)
      limited = await api.request('/api/v1/ijbs', { key });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    contract.check('GET', '/ijbs', limited);
    for (const [template, path] of [
      ['/ijbs/{ijb}/years', '/ijbs/midlothian/years'],
      [`${Y}/directions`, '/ijbs/midlothian/years/2023-24/directions'],
      [D, '/ijbs/midlothian/years/2023-24/directions/5.1'],
      [`${D}/updates`, '/ijbs/midlothian/years/2023-24/directions/5.1/updates'],
      [`${Y}/report`, '/ijbs/midlothian/years/2023-24/report'],
    ] as const) {
      contract.check('GET', template, await api.request(`/api/v1${path}`, { key }));
    }
    contract.check(
      'POST',
      `${D}/updates`,
      await api.request('/api/v1/ijbs/midlothian/years/2023-24/directions/5.1/updates', {
        key,
        method: 'POST',
        headers: idem(),
        body: good,
      }),
    );
    for (const [template, path] of [
      [`${Y}/directions`, '/ijbs/midlothian/years/2023-24/directions'],
      [`${D}/changes`, '/ijbs/midlothian/years/2023-24/directions/6.2/changes'],
    ] as const)
      contract.check(
        'POST',
        template,
        await api.request(`/api/v1${path}`, { key, method: 'POST', headers: idem(), body: added('9.7') }),
      );
    contract.check(
      'POST',
      '/ijbs/{ijb}/imports',
      await api.request('/api/v1/ijbs/midlothian/imports', { key, method: 'POST' }),
    );

    expect(failures).toEqual([]);
    // 503 is what a failed DynamoDB write answers: dynalite cannot be made to fail here.
    const unreachable = new Set([
      'POST /ijbs/{ijb}/years/{year}/directions/{ref}/updates 503',
      'POST /ijbs/{ijb}/imports 503', // an import cut short by a DynamoDB failure
    ]);
    const missing = [...contract.declared()].filter(
      (entry) => !contract.covered.has(entry) && !unreachable.has(entry),
    );
    expect(missing).toEqual([]);
    expect(contract.covered.size).toBeGreaterThan(40);
  });
});
