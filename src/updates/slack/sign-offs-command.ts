import type { Subcommand } from '../../slack/capability';
import { renderProblem } from '../../slack/renderers/lists';
import type { UpdatesKit } from './kit';
import { renderRefusal } from './render/receipts';
import { awaitsSignOff, renderSignOffs } from './render/sign-offs';

/** `/direction sign-offs [ijb]`: the proposals awaiting an admin of the IJB (one register read). */
export function signOffsSubcommand(kit: UpdatesKit): Subcommand {
  return {
    names: ['sign-offs', 'signoffs'],
    help: [
      ['/direction sign-offs', 'IJB admins: proposals of Achieved or Retire awaiting your sign-off'],
      ['/direction sign-offs east-lothian', 'the same for another IJB you administer'],
    ],
    async handle(request) {
      // An admin of another IJB than the workspace's names it: `/direction sign-offs east-lothian`.
      const ijbId = /^[a-z][a-z0-9-]{2,40}$/.exec(request.text.trim())?.[0];
      const scoped = await kit.lookup.scope({
        ...(ijbId ? { ijbId } : {}),
        ...(request.planYear ? { planYear: request.planYear } : {}),
      });
      if (!scoped.ok) return renderProblem(scoped.problem);
      const { scope } = scoped;
      if (!(await kit.permissions.isAdmin(scope.ijb.id, request.userId)))
        return renderRefusal(await kit.permissions.adminOnly(scope.ijb.id, 'sign off directions'));
      const pending = (await kit.lookup.list(scope)).filter(awaitsSignOff);
      return renderSignOffs(scope, pending, request.userId);
    },
  };
}
