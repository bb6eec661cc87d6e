import { type Activity, CardFactory, TurnContext } from 'botbuilder';
import type { PlanYear } from '../domain/plan-year';
import { answerLookup, locatedCard } from './answer';
import { assignInTeams } from './assign';
import type { AdaptiveCard, CardData } from './cards/adaptive';
import { helpCard, problemCard } from './cards/messages';
import { answerReport } from './report';
import { type TeamsServices, teamsUserId } from './services';
import { understand } from './understand';
import { cardAction, history, latestCorrection, typedUpdate } from './update-actions';

/** What the bot answers an activity with; the turn handler sends each as a reply. */
export type TeamsBot = (context: TurnContext) => Promise<void>;

function asker(activity: Activity) {
  const aad = activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown';
  return { userId: teamsUserId(aad), requestId: activity.id ?? `${activity.timestamp ?? ''}` };
}

function isCardData(value: unknown): value is CardData {
  return typeof value === 'object' && value !== null && typeof (value as CardData).action === 'string';
}

/**
 * The Teams bot: personal chat, group chat and channel @mentions, answered from the same
 * services and parser as Slack; installs remember the conversation for the digest.
 */
export function createTeamsBot(services: TeamsServices): TeamsBot {
  const answer = async (context: TurnContext): Promise<AdaptiveCard[]> => {
    const { activity } = context;
    const who = asker(activity);
    if (isCardData(activity.value)) {
      const data = activity.value;
      if (data.action === 'open' || data.action === 'share') {
        const place = {
          ...(data.ijbId ? { ijbId: data.ijbId } : {}),
          ...(data.planYear ? { planYear: data.planYear as PlanYear } : {}),
        };
        const located = await services.lookup.locate(data.ref ?? '', place);
        return [locatedCard(located, data.action === 'share' ? 'channel' : 'private')];
      }
      if (data.action === 'page' && typeof data.text === 'string')
        return answerText(context, data.text, who, data.page ?? 0);
      return cardAction(services, data, who);
    }
    // In a channel the text starts with "<at>IJB Directions</at>": the SDK strips it.
    const typed = (TurnContext.removeRecipientMention(activity) ?? activity.text ?? '').trim();
    return answerText(context, typed, who, 0);
  };

  const answerText = async (
    context: TurnContext,
    typed: string,
    who: ReturnType<typeof asker>,
    page: number,
  ) => {
    const intent = understand(typed);
    const place = 'place' in intent ? intent.place : {};
    const year = place.planYear ? { planYear: place.planYear } : {};
    const elsewhere = place.ijbId && place.ijbId !== services.lookup.defaultIjbId;
    switch (intent.kind) {
      case 'update':
      case 'history':
      case 'undo':
      case 'edit':
      case 'command':
        if (elsewhere)
          return [
            problemCard(
              `That works on your own IJB's register; for ${place.ijbId}, look things up only.`,
              `${place.ijbId} list`,
            ),
          ];
    }
    switch (intent.kind) {
      case 'update':
        return typedUpdate(
          services,
          [intent.ref, intent.text].filter(Boolean).join(' '),
          place.planYear,
          who,
        );
      case 'history':
        return history(services, { ref: intent.ref, ...year });
      case 'undo':
      case 'edit':
        return latestCorrection(services, intent.kind, { ref: intent.ref, ...year }, who);
      case 'command':
        if (intent.name === 'assign')
          return [await assignInTeams(context, services.leadership, intent.text, who, place.planYear)];
        if (intent.name === 'report') return [await answerReport(services, place, intent.text)];
        return [helpCard(intent.name)];
      default:
        return [await answerLookup(intent, { typed, page, userId: who.userId }, services.lookup)];
    }
  };

  return async (context) => {
    const { activity } = context;
    if (activity.type === 'conversationUpdate' || activity.type === 'installationUpdate') {
      await remember(services, context);
      return;
    }
    if (activity.type !== 'message') return;
    let cards: AdaptiveCard[];
    try {
      cards = await answer(context);
    } catch (error) {
      const reference = Math.random().toString(36).slice(2, 10);
      services.log(`teams activity failed (ref ${reference})`, error);
      cards = [
        problemCard(
          `Sorry, that did not work just now (reference ${reference}). Nothing was changed; please try again in a minute.`,
        ),
      ];
    }
    for (const card of cards) {
      await context.sendActivity({ type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
    }
  };
}

async function remember(services: TeamsServices, context: TurnContext): Promise<void> {
  const { activity } = context;
  const conversationId = activity.conversation?.id;
  if (!conversationId) return;
  const removed =
    (activity.type === 'installationUpdate' && activity.action === 'remove') ||
    (activity.membersRemoved ?? []).some((member) => member.id === activity.recipient?.id);
  if (removed) return services.installs.remove(conversationId);
  const added =
    (activity.type === 'installationUpdate' && activity.action === 'add') ||
    (activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id);
  if (!added) return;
  const reference = TurnContext.getConversationReference(activity) as unknown as Record<string, unknown>;
  const conversation = {
    conversationId,
    serviceUrl: activity.serviceUrl,
    installedAt: services.clock().toISOString(),
    ...(activity.conversation?.tenantId ? { tenantId: activity.conversation.tenantId } : {}),
    ...((activity.channelData as { channel?: { name?: string } } | undefined)?.channel?.name
      ? { channelName: (activity.channelData as { channel: { name: string } }).channel.name }
      : {}),
    reference,
  };
  await services.installs.put(conversation);
  // A personal chat is also that person's: notes to them (sign-off requests, decisions) go there.
  const person = activity.from?.aadObjectId;
  if (activity.conversation?.conversationType === 'personal' && person)
    await services.installs.putPersonal(teamsUserId(person), conversation);
}
