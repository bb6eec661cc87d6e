import { type Activity, TeamsInfo, type TurnContext } from 'botbuilder';
import { DirectionRefSchema } from '../domain/direction';
import type { PlanYear } from '../domain/plan-year';
import type { Leadership } from '../updates/leads';
import type { AdaptiveCard } from './cards/adaptive';
import { personName } from './cards/adaptive';
import { problemCard } from './cards/messages';
import { doneCard } from './cards/updates';
import { teamsUserId } from './services';

const EXAMPLE = 'assign 5.1 @person here';
const MAX_LEADS = 5;

interface Mention {
  text: string;
  mentioned: { id: string; name?: string; aadObjectId?: string };
}

function mentionsIn(activity: Activity): Mention[] {
  return (activity.entities ?? [])
    .filter((entity) => entity.type === 'mention')
    .map((entity) => entity as unknown as Mention)
    .filter((m) => typeof m.mentioned?.id === 'string' && m.mentioned.id !== activity.recipient?.id);
}

/**
 * A mentioned person's AAD object id: from the mention when Teams sends it, else asked of the
 * connector (TeamsInfo.getMember, GET /v3/conversations/{id}/members/{id}); undefined when
 * Teams does not know them here.
 */
async function aadOf(context: TurnContext, mention: Mention): Promise<string | undefined> {
  if (mention.mentioned.aadObjectId) return mention.mentioned.aadObjectId;
  try {
    return (await TeamsInfo.getMember(context, mention.mentioned.id)).aadObjectId ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * `assign 5.1 @person [@person2] [here]` in Teams: the same assignment as Slack's, with the
 * mentions resolved from the activity's mention entities (Teams sends `<at>Name</at>` in the
 * text and the account in an entity) to `aad:` ids; `here`, typed in a team channel, makes
 * that channel the direction's team channel (its digest then comes here, as a card).
 */
export async function assignInTeams(
  context: TurnContext,
  leadership: Leadership,
  typed: string,
  who: { userId: string },
  planYear?: PlanYear,
): Promise<AdaptiveCard> {
  const { activity } = context;
  const mentions = mentionsIn(activity);
  let rest = typed;
  for (const mention of mentions) rest = rest.split(mention.text).join(' ');
  const [first = '', ...words] = rest.trim().split(/\s+/);
  const ref = DirectionRefSchema.safeParse(first);
  if (!ref.success || !/\d/.test(first))
    return problemCard('Start with the direction’s ref, then @mention its leads.', EXAMPLE);
  const here = words.some((word) => word.toLowerCase() === 'here');
  const leftover = words.filter((word) => !/^(here|and|&|,)$/i.test(word.replace(/,$/, '')));
  if (leftover.length > 0)
    return problemCard(
      `I do not know what “${leftover.join(' ')}” means here: @mention people (pick them from Teams' suggestions), and add “here” in a team channel to make it the direction’s channel.`,
      EXAMPLE,
    );
  const conversation = activity.conversation;
  if (here && conversation?.conversationType !== 'channel')
    return problemCard('“here” works in a team channel: type it there, with an @mention of me.', EXAMPLE);

  const leads: string[] = [];
  for (const mention of mentions) {
    const aad = await aadOf(context, mention);
    if (!aad)
      return problemCard(
        `I cannot tell who ${mention.mentioned.name ?? mention.text} is in Teams: pick them from the suggestions as you type @.`,
        EXAMPLE,
      );
    if (!leads.includes(teamsUserId(aad))) leads.push(teamsUserId(aad));
  }
  if (leads.length === 0 && !here)
    return problemCard(`@mention the lead(s) of ${ref.data}, or add “here” in its team channel.`, EXAMPLE);
  if (leads.length > MAX_LEADS)
    return problemCard(`Name at most ${MAX_LEADS} leads (you named ${leads.length}).`, EXAMPLE);
  // A reply in a channel thread is "19:…;messageid=…": the channel is the part before.
  const channel = here ? conversation?.id.split(';')[0] : undefined;
  const result = await leadership.assignResolved(
    who.userId,
    { kind: 'assign', ref: ref.data, ...(leads.length ? { leads } : {}), ...(channel ? { channel } : {}) },
    planYear,
  );
  switch (result.kind) {
    case 'invalid':
      return problemCard(result.problem, EXAMPLE);
    case 'refused':
      return problemCard(result.reason);
    case 'missing':
      return problemCard(`I could not find ${ref.data} in this year's register.`);
    case 'assigned': {
      const { after } = result;
      const named = after.leads.length ? after.leads.map(personName).join(', ') : 'no one yet';
      return doneCard(
        `${after.ref}: led by ${named}${channel ? '; this channel is its team channel, where its daily reminders come' : ''}.`,
      );
    }
  }
}
