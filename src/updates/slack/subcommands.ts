import { AdminRemovalError, NotAnAdminError } from '../../access/admins';
import type { Subcommand } from '../../slack/capability';
import type { Reply } from '../../slack/renderers/blocks';
import { renderMissing, renderProblem } from '../../slack/renderers/lists';
import { ASSIGN_EXAMPLE } from '../leads';
import { parseUpdateRequest } from '../one-line';
import { mentionedUsers } from '../slack-text';
import { historyPage } from './history-page';
import type { UpdatesKit } from './kit';
import { saveLineUpdate } from './line-update';
import { openUpdateForm } from './open-form';
import { renderAdminAdded, renderAdminRemoved, renderAdmins, renderAssigned } from './render/admin';
import { renderMine } from './render/mine';
import { renderRefusal } from './render/receipts';

/** `/direction update|history|mine|assign|admins …` */
export function updateSubcommands(kit: UpdatesKit): Subcommand[] {
  const update: Subcommand = {
    names: ['update'],
    help: [
      ['/direction update 5.1', 'report progress in a form, prefilled with the last update'],
      [
        '/direction update 5.1 at risk: DSA not signed',
        'report progress in one line (amber, behind, done… are understood)',
      ],
    ],
    async handle(request, tools) {
      const parsed = parseUpdateRequest(request.text);
      // "5.1 for NHS Lothian at risk: …" names a body first: the line update reads it.
      const namesBody = /^\S+\s+(for|on behalf of)\s/i.test(request.text.trim());
      if (parsed.kind === 'invalid' && !namesBody) return renderProblem(parsed.problem, parsed.example);
      if (parsed.kind === 'form') {
        return openUpdateForm(kit, tools.client, {
          triggerId: request.triggerId,
          userId: request.userId,
          key: { ref: parsed.ref, ...(request.planYear ? { planYear: request.planYear } : {}) },
          typedIn: request.channelId,
          mode: 'new',
        });
      }
      return saveLineUpdate(kit, {
        text: request.text,
        ...(request.planYear ? { planYear: request.planYear } : {}),
        userId: request.userId,
        channelId: request.channelId,
        idempotencyKey: `cmd:${request.userId}:${request.triggerId}`,
      });
    },
  };

  const history: Subcommand = {
    names: ['history'],
    help: [
      [
        '/direction history 5.1',
        'every update on a direction, newest first: who, when, status, evidence, sign-offs',
      ],
    ],
    async handle(request) {
      const ref = request.text.trim().split(/\s+/)[0] ?? '';
      if (!ref) return renderProblem('Whose history? Give the direction’s ref.', '/direction history 5.1');
      const scoped = await kit.lookup.scope(request.planYear ? { planYear: request.planYear } : {});
      if (!scoped.ok) return renderProblem(scoped.problem);
      const found = await kit.lookup.show(scoped.scope, ref);
      if (found.kind === 'missing')
        return renderMissing(found.scope, found.ref, found.suggestions, found.inOtherYears);
      return historyPage(kit, found.view.direction, request.userId, 1);
    },
  };

  const mine: Subcommand = {
    names: ['mine'],
    help: [['/direction mine', 'the directions you lead, with status and working days left']],
    async handle(request) {
      const result = await kit.leadership.mine(request.userId, request.planYear);
      return result.ok
        ? renderMine(result.scope, result.views, request.userId)
        : renderProblem(result.problem);
    },
  };

  const assign: Subcommand = {
    names: ['assign'],
    help: [
      ['/direction assign 5.1 @lead #team-channel', 'IJB admins: set a direction’s leads and team channel'],
      ['/direction assign 5.1 @lead for NHS Lothian', 'IJB admins: say which partner a lead answers for'],
    ],
    async handle(request) {
      const result = await kit.leadership.assign(request.userId, request.text, request.planYear);
      switch (result.kind) {
        case 'invalid':
          return renderProblem(result.problem, ASSIGN_EXAMPLE);
        case 'refused':
          return renderRefusal(result.reason);
        case 'missing': {
          const { scope, ref, suggestions, inOtherYears } = result.result;
          return renderMissing(scope, ref, suggestions, inOtherYears);
        }
        case 'assigned':
          return renderAssigned(result.before, result.after, result);
      }
    },
  };

  const admins: Subcommand = {
    names: ['admins'],
    help: [
      ['/direction admins add @user', 'IJB admins: make someone an admin (`/direction admins` lists them)'],
      ['/direction admins remove @user', 'IJB admins: remove an admin added in Slack (never the last one)'],
    ],
    async handle(request): Promise<Reply> {
      const scoped = await kit.lookup.scope({});
      if (!scoped.ok) return renderProblem(scoped.problem);
      const { ijb } = scoped.scope;
      const [verb = '', ...rest] = request.text.trim().split(/\s+/);
      if (verb === '' || verb === 'list') return renderAdmins(await kit.deps.admins.list(ijb.id), ijb.name);
      if (verb !== 'add' && verb !== 'remove')
        return renderProblem(
          `I can list admins, add or remove one, not “${verb}”.`,
          '/direction admins add @user',
        );
      const [user, ...more] = mentionedUsers(rest.join(' '));
      if (!user || more.length > 0)
        return renderProblem(
          `Name one person to ${verb}, picked from Slack’s @ suggestions.`,
          `/direction admins ${verb} @user`,
        );
      try {
        if (verb === 'remove') {
          await kit.deps.admins.remove(ijb.id, user, request.userId);
          return renderAdminRemoved(user, ijb.name);
        }
        await kit.deps.admins.add(ijb.id, user, request.userId, kit.deps.clock());
      } catch (error) {
        if (error instanceof NotAnAdminError)
          return renderRefusal(await kit.permissions.adminOnly(ijb.id, `${verb} admins`));
        if (error instanceof AdminRemovalError) return renderRefusal(removalRefusal(error, user));
        throw error;
      }
      return renderAdminAdded(user, ijb.name);
    },
  };

  return [update, history, mine, assign, admins];
}

function removalRefusal(error: AdminRemovalError, user: string): string {
  switch (error.why) {
    case 'last-admin':
      return `<@${user}> is the last IJB admin: add another with \`/direction admins add @user\` before removing them.`;
    case 'configured':
      return `<@${user}> is an admin set in the deployment (DIRECTIONS_ADMINS): remove them there, not in Slack.`;
    case 'not-an-admin':
      return `<@${user}> is not an IJB admin.`;
  }
}
