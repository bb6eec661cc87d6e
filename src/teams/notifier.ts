import { STATUS_LABELS } from '../domain/direction';
import { proposalOf } from '../domain/progress-update';
import type { TeamsConversationStore } from '../store/teams-conversation-store';
import type { PersonNote, PersonNotifier } from '../updates/person-notes';
import { type AdaptiveCard, card, heading, personName, plain, submit, text } from './cards/adaptive';
import { doneCard, signOffRequestCard } from './cards/updates';
import type { ProactiveSender } from './proactive';

function noteCard(note: PersonNote): AdaptiveCard {
  switch (note.kind) {
    case 'sign-off-request':
      return signOffRequestCard(note.update);
    case 'no-admins':
    case 'needs-second-admin': {
      const what = STATUS_LABELS[proposalOf(note.update.status) ?? 'achieved'];
      return doneCard(
        note.kind === 'no-admins'
          ? `Your proposal to mark ${note.update.ref} ${what} is saved, but no IJB admin is configured to sign it off. Ask your planning team to set DIRECTIONS_ADMINS.`
          : `Your proposal to mark ${note.update.ref} ${what} is saved, but someone other than you must sign it off, and you are the only IJB admin. Ask for a second admin to be added.`,
      );
    }
    case 'decided': {
      const { decision } = note;
      const what = decision.proposal === 'achieved' ? 'Achieved' : 'Retired';
      return doneCard(
        `${personName(decision.by)} ${decision.outcome === 'approved' ? 'approved' : 'sent back'} your proposal to mark ${decision.ref} ${what}${decision.reason ? `: ${decision.reason}` : '.'}`,
      );
    }
    case 'review-ask':
      return card(
        [heading(`${plain(note.roundTitle)}: ${plain(note.ref)}`), text(plain(note.text))],
        [
          submit('Update progress', {
            action: 'update',
            ijbId: note.ijbId,
            planYear: note.planYear,
            ref: note.ref,
          }),
        ],
      );
  }
}

/**
 * Notes to Teams users (`aad:` ids), proactively in their personal chat with the bot, through
 * the reference kept when they installed it. Someone who never opened that chat cannot be
 * messaged by a bot (Teams' rule): that is logged and answered false, never thrown.
 */
export function createTeamsNotifier(deps: {
  send: ProactiveSender;
  installs: TeamsConversationStore;
  log: (message: string, error?: unknown) => void;
}): PersonNotifier {
  return {
    reaches: (userId) => userId.startsWith('aad:'),
    async notify(userId, note) {
      const chat = await deps.installs.getPersonal(userId);
      if (!chat) {
        deps.log(
          `teams: no personal chat with ${userId} stored: they have not installed the bot, so ${note.kind} was not sent`,
        );
        return false;
      }
      const shown = noteCard(note);
      try {
        await deps.send(chat, { text: note.kind.replace(/-/g, ' '), card: shown });
        return true;
      } catch (error) {
        deps.log(`teams: could not send ${note.kind} to ${userId}`, error);
        return false;
      }
    },
  };
}
