import type { Subcommand } from '../../slack/capability';
import { renderProblem } from '../../slack/renderers/lists';
import { renderRefusal } from '../render/receipts';
import { awaitsSignOff, renderSignOffs } from '../render/sign-offs';
import type { UpdatesKit } from './kit';

/** `/direction sign-offs`: the proposals awaiting an admin of the workspace's IJB (one register read). */
export function signOffsSubcommand(kit: UpdatesKit): Subcommand {
  return {
    names: ['sign-offs', 'signoffs'],
    help: [['/direction sign-offs', 'IJB admins: proposals of Achieved or Retire awaiting your sign-off']],
    async handle(request) {
      const scoped = await kit.lookup.scope(request.planYear ? { planYear: request.planYear } : {});
      if (!scoped.ok) return renderProblem(scoped.problem);
      const { scope } = scoped;
      if (!(await kit.permissions.isAdmin(scope.ijb.id, request.userId)))
        return renderRefusal(await kit.permissions.adminOnly(scope.ijb.id, 'sign off directions'));
      const pending = (await kit.lookup.list(scope)).filter(awaitsSignOff);
      return renderSignOffs(scope, pending, request.userId);
    },
  };
}
