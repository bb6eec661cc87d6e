import type { Direction, Recipient } from '../domain/direction';
import { type Ijb, recipientName } from '../domain/ijb';
import { recipientFromWords } from '../domain/partners';
import { mentionedUsers } from './slack-text';

/** "for NHS Lothian": the words after "for", up to the next mention, channel or the end. */
const FOR_BODY = /(?:^|\s)for\s+([^<@#]+?)(?=\s*(?:<|[@#]|$))/i;

/**
 * `@a @b for NHS Lothian @c for Midlothian Council`: each "for …" names the body of the leads
 * mentioned before it (since the previous "for"). Gives the words as typed, and the text
 * without them for the rest of the command to read.
 */
export function splitBodies(tail: string): { rest: string; bodies: Record<string, string> } {
  const parts = tail.split(new RegExp(FOR_BODY.source, 'gi'));
  const bodies: Record<string, string> = {};
  const kept: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const segment = parts[i] ?? '';
    kept.push(segment);
    const words = parts[i + 1];
    if (words === undefined) continue;
    for (const userId of mentionedUsers(segment)) bodies[userId] = words.trim();
  }
  return { rest: kept.join(' '), bodies };
}

export type LeadBodies =
  | { ok: true; leadBodies: Partial<Record<string, Recipient>> | undefined; unknown: string[] }
  | { ok: false; problem: string };

/**
 * The body each lead answers for, once the direction is known: the one named, the one kept from
 * before, or (a direction issued to one body) that body. `unknown` are leads of a direction
 * issued to both whose body is still not known, so the reply asks.
 */
export function resolveLeadBodies(
  ijb: Ijb,
  direction: Direction,
  leads: readonly string[],
  named: Record<string, string>,
): LeadBodies {
  const choices = direction.issuedTo.map((recipient) => recipientName(ijb, recipient));
  const leadBodies: Partial<Record<string, Recipient>> = {};
  for (const [userId, words] of Object.entries(named)) {
    const body = recipientFromWords(ijb, words);
    if (!body || !direction.issuedTo.includes(body)) {
      return {
        ok: false,
        problem: `${direction.ref} is issued to ${choices.join(' and ')}: “for ${words}” is not one of them. Say \`for ${choices[0]}\`${choices[1] ? ` or \`for ${choices[1]}\`` : ''}.`,
      };
    }
    leadBodies[userId] = body;
  }
  for (const userId of leads) {
    const kept = direction.leadBodies?.[userId];
    if (!leadBodies[userId] && kept) leadBodies[userId] = kept;
  }
  const mapped = Object.fromEntries(leads.flatMap((id) => (leadBodies[id] ? [[id, leadBodies[id]]] : [])));
  const unknown = direction.issuedTo.length > 1 ? leads.filter((id) => !mapped[id]) : [];
  return { ok: true, leadBodies: Object.keys(mapped).length > 0 ? mapped : undefined, unknown };
}
