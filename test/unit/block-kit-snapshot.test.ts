import { describe, expect, it } from 'vitest';
import { scottishCalendar } from '../../src/domain/calendar';
import type { ConversationState } from '../../src/domain/conversation-state';
import { standingOf } from '../../src/domain/deadline';
import type { Direction } from '../../src/domain/direction';
import type { Ijb } from '../../src/domain/ijb';
import type { ProgressUpdate, SignOffDecision } from '../../src/domain/progress-update';
import { importPaper } from '../../src/import/import-paper';
import type { DueResult } from '../../src/lookup/lookup-service';
import { type Scope, viewOf } from '../../src/lookup/views';
import type { DigestLine } from '../../src/nudges/plan';
import { renderDigest } from '../../src/nudges/slack/renderers/digest';
import { markSnoozed, snoozeConfirmation } from '../../src/nudges/slack/renderers/snoozed';
import { renderSubscriptionOutcome } from '../../src/nudges/slack/renderers/subscriptions';
import type { ChannelFollowing } from '../../src/nudges/subscriptions-service';
import { IJB_PROFILES } from '../../src/register/ijb-profiles';
import { renderDirectionCard } from '../../src/slack/renderers/direction-card';
import { renderHelp } from '../../src/slack/renderers/help';
import {
  renderImportApplied,
  renderImportNote,
  renderImportPreview,
  renderImportRefused,
} from '../../src/slack/renderers/import-summary';
import {
  renderDirectionList,
  renderDue,
  renderMissing,
  renderProblem,
  renderSearchResults,
} from '../../src/slack/renderers/lists';
import { renderAdminAdded, renderAdmins, renderAssigned } from '../../src/updates/slack/render/admin';
import { renderPrompt } from '../../src/updates/slack/render/conversation';
import { renderHistory } from '../../src/updates/slack/render/history';
import { renderMine } from '../../src/updates/slack/render/mine';
import {
  renderEdited,
  renderNotSaved,
  renderRefusal,
  renderSaved,
  renderUndone,
} from '../../src/updates/slack/render/receipts';
import { renderDecided, renderNoAdmins, renderSignOffRequest } from '../../src/updates/slack/render/sign-off';
import {
  renderDecisionEntry,
  renderStatusCard,
  renderThreadEntry,
} from '../../src/updates/slack/render/status-card';
import { prefillFrom, renderNotice, renderUpdateForm } from '../../src/updates/slack/render/update-form';
import { MIDLOTHIAN_PAPER } from '../support/papers';

/**
 * Every reply's Block Kit, for a fixed set of cases, as rendered before the house moved
 * (issue 10). Moving files must not change a byte of what Slack is sent: the snapshot file was
 * captured before the first move and is compared whole.
 */
const calendar = scottishCalendar();
const ijb: Ijb = { ...(IJB_PROFILES.midlothian as Ijb), latestPlanYear: '2023-24' };
const scope: Scope = { ijb, planYear: '2023-24', calendar, today: '2024-12-20' };

function direction(overrides: Partial<Direction> = {}): Direction {
  return {
    ijbId: 'midlothian',
    planYear: '2023-24',
    ref: '5.1',
    theme: { name: 'Health Inequalities' },
    text: 'NHS Lothian and Midlothian Council must ensure that data can be disaggregated by HSCP area.',
    issuedTo: ['health-board', 'council'],
    deadlines: [{ kind: 'month', year: 2025, month: 1, asWritten: 'by January 2025' }],
    status: 'not-reported',
    leads: [],
    version: 1,
    ...overrides,
  };
}

const update: ProgressUpdate = {
  id: 'u-1',
  ijbId: 'midlothian',
  planYear: '2023-24',
  ref: '5.1',
  at: '2024-12-20T10:00:00.000Z',
  by: 'U0LEAD',
  status: 'at-risk',
  text: 'Data sharing agreement <still> unsigned & delayed',
  evidence: ['https://example.org/minutes'],
  expectedDate: '2025-03-31',
  nextSteps: 'Escalate to the board',
  via: 'line',
  revision: 1,
};
const proposal: ProgressUpdate = { ...update, id: 'u-2', status: 'achieved', signOff: { state: 'pending' } };
const decision: SignOffDecision = {
  updateId: 'u-2',
  ijbId: 'midlothian',
  planYear: '2023-24',
  ref: '5.1',
  at: '2024-12-21T09:00:00.000Z',
  by: 'U0ADMIN',
  proposal: 'achieved',
  outcome: 'sent-back',
  reason: 'No evidence yet',
  proposedBy: 'U0LEAD',
};
const reported = direction({
  status: 'at-risk',
  leads: ['U0LEAD'],
  channel: 'C0TEAM',
  latestUpdate: { id: 'u-1', at: update.at, by: 'U0LEAD', status: 'at-risk', text: update.text },
});
const key = { ijbId: 'midlothian', planYear: '2023-24', ref: '5.1' };
const state: ConversationState = {
  channel: 'C0123456789',
  thread: '1700000000.000100',
  userId: 'U0LEAD',
  id: 'c-1',
  step: 'confirm',
  choices: [],
  direction: key,
  draft: {},
  inChannel: true,
  lastTs: '',
  updatedAt: '',
  expiresAt: '',
  version: 1,
};
const following: ChannelFollowing = {
  ijb,
  planYear: '2023-24',
  channel: 'C0TEAM',
  teamRefs: ['5.1'],
  subscriptions: [
    {
      ijbId: 'midlothian',
      channel: 'C0TEAM',
      filter: { kind: 'theme', theme: 'Health Inequalities' },
      by: 'U0A',
      at: '2024-12-01T09:00:00Z',
    },
  ],
  escalationBySetting: true,
  snoozes: [
    {
      ijbId: 'midlothian',
      planYear: '2023-24',
      ref: '6.2',
      channel: 'C0TEAM',
      by: 'U0B',
      until: '2024-12-27',
      at: '2024-12-20T09:00:00Z',
    },
  ],
};
function digestLine(ref: string, kind: 'before' | 'due' | 'overdue' | 'festive'): DigestLine {
  const dueDate = '2024-01-31';
  const deadline = { kind: 'month', year: 2024, month: 1, asWritten: 'by January 2024' } as const;
  return {
    ijb,
    planYear: '2023-24',
    direction: direction({ ref, theme: { name: 'Support for Carers' }, deadlines: [deadline] }),
    deadlines: [
      {
        deadlineIndex: 0,
        deadline,
        dueDate,
        standing: standingOf(dueDate, '2024-01-24', calendar),
        milestone: { id: kind === 'before' ? 'before-5' : kind, kind, day: '2024-01-24' },
      },
    ],
  };
}

async function importCases() {
  const deps = {
    store: { getIjb: async () => undefined },
    imports: {
      readYear: async () => ({ directions: [], dueEntries: [], milestones: [], outcomes: [] }),
    },
    clock: () => new Date('2024-12-20T10:00:00Z'),
  } as never;
  const request = { fileName: 'midlothian.txt', ijbId: 'midlothian', planYear: '2023-24', by: 'U0ADMIN' };
  const dry = await importPaper(deps, { ...request, bytes: Buffer.from(MIDLOTHIAN_PAPER), dryRun: true });
  const refused = await importPaper(deps, { ...request, bytes: Buffer.from('hello'), dryRun: true });
  if (dry.status === 'refused' || refused.status !== 'refused') throw new Error('unexpected import result');
  return {
    importPreview: renderImportPreview(dry, 'midlothian.txt', 'confirm-value'),
    importApplied: renderImportApplied({ ...dry, status: 'applied' }),
    importUnchanged: renderImportApplied({ ...dry, status: 'unchanged' }),
    importRefused: renderImportRefused(refused.problems, 'hello.txt'),
    importNote: renderImportNote('Only IJB admins can import papers.', 'Ask an admin.'),
  };
}

async function cases(): Promise<Record<string, unknown>> {
  const view = viewOf(reported, scope);
  const due: DueResult = {
    scope,
    from: '2024-12-20',
    to: '2025-01-31',
    groups: [
      {
        dueDate: '2025-01-31',
        standing: standingOf('2025-01-31', scope.today, calendar),
        directions: [view],
      },
    ],
  };
  return {
    directionCardPrivate: renderDirectionCard(scope, viewOf(direction(), scope), 'private'),
    directionCardReported: renderDirectionCard(scope, view, 'channel'),
    list: renderDirectionList(scope, [view, viewOf(direction({ ref: '6.2' }), scope)]),
    search: renderSearchResults(scope, 'data', [{ direction: reported, score: 2, matchedWords: 1 }]),
    due: renderDue(due, 'Due soon', 'Nothing is due.'),
    dueEmpty: renderDue({ ...due, groups: [] }, 'Due soon', 'Nothing is due.'),
    missing: renderMissing(scope, '5.9', ['5.1', '5.2'], ['2024-25']),
    problem: renderProblem('That is not a ref.', '/direction 5.1'),
    help: renderHelp([['/direction update 5.1 at risk: …', 'report progress']], 'Not yet.'),
    mine: renderMine(scope, [view], 'U0LEAD'),
    saved: renderSaved(update, reported.latestUpdate, { words: 'at risk' }),
    savedProposal: renderSaved(proposal, reported.latestUpdate),
    notSaved: renderNotSaved('5.1', 'the text is empty', 'at risk:', '/direction update 5.1 at risk: …'),
    undone: renderUndone(update, 'Not reported'),
    edited: renderEdited({ ...update, revision: 2, editedAt: '2024-12-20T10:05:00.000Z' }),
    refusal: renderRefusal('Only leads may update 5.1.'),
    updateForm: renderUpdateForm(reported, prefillFrom(reported, scope.today), {
      ijbId: 'midlothian',
      planYear: '2023-24',
      ref: '5.1',
      mode: 'new',
      typedIn: 'C0TEAM',
    }),
    editForm: renderUpdateForm(reported, prefillFrom(reported, scope.today), {
      ijbId: 'midlothian',
      planYear: '2023-24',
      ref: '5.1',
      mode: 'edit',
      id: 'u-1',
    }),
    notice: renderNotice('Saved', 'Your update is saved.'),
    history: renderHistory({
      ref: '5.1',
      scopeLabel: 'Midlothian 2023-24',
      ijbId: 'midlothian',
      planYear: '2023-24',
      events: [
        { kind: 'decision', decision },
        { kind: 'update', update: proposal },
        { kind: 'update', update },
      ],
      next: 'cursor',
      page: 1,
      viewerId: 'U0LEAD',
      now: new Date('2024-12-21T10:05:00Z'),
    }),
    signOffRequest: renderSignOffRequest(proposal),
    decided: renderDecided(decision),
    noAdmins: renderNoAdmins(proposal),
    statusCard: renderStatusCard(view, 'Midlothian'),
    threadEntry: renderThreadEntry('saved', update),
    threadWithdrawn: renderThreadEntry('withdrawn', update),
    decisionEntry: renderDecisionEntry(decision),
    assigned: renderAssigned(direction(), reported),
    admins: renderAdmins(['U0ADMIN'], 'Midlothian'),
    adminAdded: renderAdminAdded('U0NEW', 'Midlothian'),
    promptConfirm: renderPrompt(
      { kind: 'confirm', ref: '5.1', raw: { status: 'at-risk', text: 'late', evidence: '' }, state },
      'U0LEAD',
    ),
    promptStatus: renderPrompt(
      { kind: 'ask-status', ref: '5.1', state, previous: reported.latestUpdate, firstInThread: true },
      'U0LEAD',
    ),
    promptChoose: renderPrompt(
      {
        kind: 'choose',
        state: { ...state, choices: [key, { ...key, ref: '6.2' }] },
      },
      'U0LEAD',
    ),
    promptExpired: renderPrompt({ kind: 'expired', ref: '5.1', draft: { text: 'late' } }, 'U0LEAD'),
    digest: renderDigest('2024-01-24', [
      digestLine('3.1', 'due'),
      digestLine('3.2', 'overdue'),
      digestLine('3.3', 'before'),
    ]),
    snoozed: markSnoozed(
      renderDigest('2024-01-24', [digestLine('3.1', 'due')])[0]?.blocks ?? [],
      'nudge:midlothian:2023-24:3.1',
      {
        by: 'U0B',
        until: '2024-01-31',
      },
    ),
    snoozeConfirmation: snoozeConfirmation('3.1', '2024-01-31'),
    subscribed: renderSubscriptionOutcome({
      kind: 'subscribed',
      filters: [{ kind: 'theme', theme: 'Health Inequalities' }, { kind: 'escalations' }],
      existed: false,
      following,
      by: 'U0A',
    }),
    unsubscribed: renderSubscriptionOutcome({
      kind: 'unsubscribed',
      removed: following.subscriptions,
      keptEscalations: true,
      following,
      by: 'U0A',
    }),
    followingList: renderSubscriptionOutcome({ kind: 'following', following }),
    subscribeUsage: renderSubscriptionOutcome({ kind: 'usage', verb: 'subscribe', following }),
    subscribeProblem: renderSubscriptionOutcome({
      kind: 'problem',
      problem: 'No such theme.',
      example: '/direction subscribe all',
    }),
    ...(await importCases()),
  };
}

describe('Block Kit of every reply', () => {
  it('is byte-for-byte what it was before the house moved', async () => {
    await expect(`${JSON.stringify(await cases(), null, 2)}\n`).toMatchFileSnapshot(
      './__snapshots__/block-kit.json',
    );
  });
});
