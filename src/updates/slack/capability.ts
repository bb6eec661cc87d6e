import type { CapabilityDeps, SlackCapability } from '../../slack/capability';
import { PUBLISH_JOB } from '../publish-job';
import { SUMMARY_SWEEP_JOB, sweepUnsummarised } from '../summary-sweep';
import { registerActionListeners } from './action-listeners';
import {
  CONVERSATION_POST_JOB,
  postConversation,
  registerConversationListeners,
} from './conversation-listeners';
import { correctionSubcommands } from './correction-commands';
import { registerFormListeners } from './form-listeners';
import { buildUpdatesKit } from './kit';
import { checkOpenedForm, FORM_CHECK_JOB } from './open-form';
import { signOffsSubcommand } from './sign-offs-command';
import { updateSubcommands } from './subcommands';

/**
 * Progress updates in Slack: by form, in one line, or in a conversation; history, "mine",
 * assignment and admins; the living status card; edit and undo; sign-off of Achieved/Retire.
 */
export function createUpdatesCapability(deps: CapabilityDeps): SlackCapability {
  const kit = buildUpdatesKit(deps);
  return {
    subcommands: [...updateSubcommands(kit), signOffsSubcommand(kit), ...correctionSubcommands(kit)],
    register(app) {
      registerFormListeners(app, kit);
      registerActionListeners(app, kit);
      registerConversationListeners(app, kit);
    },
    jobs: {
      [PUBLISH_JOB]: (payload) => kit.publisher.handle(payload),
      [FORM_CHECK_JOB]: (payload) => checkOpenedForm(kit, payload),
      [CONVERSATION_POST_JOB]: (payload) => postConversation(deps.slack, payload),
      [SUMMARY_SWEEP_JOB]: async () => {
        await sweepUnsummarised({ store: deps.store, updates: kit.updates, service: kit.service });
      },
    },
  };
}
