import type { webApi } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { createLookupService } from '../../lookup/lookup-service';
import type { CapabilityDeps, SlackCapability, Subcommand, SubcommandRequest } from '../../slack/capability';
import type { Reply } from '../../slack/renderers/blocks';
import { renderMissing, renderProblem } from '../../slack/renderers/lists';
import { createChangeStore } from '../../store/change-store';
import { CHANGE_EXAMPLES, type ChangeVerb, parseChangeCommand } from '../change-command';
import { createChangeService } from '../change-service';
import { renderAddForm, renderRevokeForm, renderVaryForm } from './modals';
import { registerChangeSubmissions } from './submissions';

const HELP: Record<ChangeVerb, readonly [string, string]> = {
  add: [
    CHANGE_EXAMPLES.add,
    'admins: record a direction the board issued mid-year, with its meeting and paper',
  ],
  vary: [CHANGE_EXAMPLES.vary, 'admins: record the board varying a direction’s text or deadline'],
  revoke: [CHANGE_EXAMPLES.revoke, 'admins: record the board revoking a direction (no longer chased)'],
  supersede: [CHANGE_EXAMPLES.supersede, 'admins: record a direction replaced by another; both link'],
};

/**
 * `/direction add|vary|revoke|supersede`: the board's mid-year changes, recorded by the IJB's
 * admins through a form that asks for the decision's authority. The right is checked when the
 * form opens (to spare a refused admin the typing) and again on every submit.
 */
export function createChangeCapability(deps: CapabilityDeps): SlackCapability {
  const lookup = createLookupService({
    store: deps.store,
    clock: deps.clock,
    defaultIjbId: deps.defaultIjbId,
  });
  const service = createChangeService({
    store: deps.store,
    changes: createChangeStore(deps.db, deps.tableName),
    admins: deps.admins,
    clock: deps.clock,
  });
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));

  async function open(
    verb: ChangeVerb,
    request: SubcommandRequest,
    client: webApi.WebClient,
  ): Promise<Reply | undefined> {
    const command = parseChangeCommand(verb, request.text);
    if (command.kind === 'invalid') return renderProblem(command.problem, command.example);
    const scoped = await lookup.scope(request.planYear ? { planYear: request.planYear } : {});
    if (!scoped.ok) return renderProblem(scoped.problem);
    const { scope } = scoped;
    if (!(await deps.admins.isAdmin(scope.ijb.id, request.userId)))
      return renderProblem(
        `Only ${scope.ijb.shortName}'s admins record the board's changes to its directions.`,
      );
    let view: ModalView;
    if (command.kind === 'add') view = renderAddForm(scope.ijb, scope.planYear, command.ref);
    else {
      const found = await lookup.show(scope, command.ref);
      if (found.kind === 'missing')
        return renderMissing(found.scope, found.ref, found.suggestions, found.inOtherYears);
      const { direction } = found.view;
      if (command.kind === 'vary') view = renderVaryForm(direction);
      else if (command.kind !== 'supersede') view = renderRevokeForm(direction);
      else {
        const successor = await lookup.show(scope, command.by);
        if (successor.kind === 'missing')
          return renderProblem(
            `There is no ${command.by} in ${scope.planYear}: add it first.`,
            CHANGE_EXAMPLES.add,
          );
        view = renderRevokeForm(direction, successor.view.direction);
      }
    }
    try {
      await client.views.open({ trigger_id: request.triggerId, view });
      return undefined;
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error ?? 'no answer';
      log(`views.open for /direction ${verb} failed: ${code}`, error);
      return renderProblem(`I could not open the form (Slack said: ${code}). Try again.`);
    }
  }

  const subcommands: Subcommand[] = (['add', 'vary', 'revoke', 'supersede'] as const).map((verb) => ({
    names: [verb],
    help: [HELP[verb]],
    handle: (request, tools) => open(verb, request, tools.client),
  }));
  return {
    subcommands,
    register: (app) => registerChangeSubmissions(app, { service, clock: deps.clock, log }),
  };
}
