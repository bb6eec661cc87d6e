import type { PlanYear } from '../domain/plan-year';
import { type DirectionCommand, parseDirectionCommand, splitSubcommand } from '../lookup/command';
import type { LookupService } from '../lookup/lookup-service';

/** What an officer typed to the bot, in the terms of the services that answer it. */
export type TeamsIntent =
  | { kind: 'lookup'; command: DirectionCommand; ijbId?: string }
  | { kind: 'update'; text: string; planYear?: PlanYear }
  | { kind: 'history'; ref: string; planYear?: PlanYear };

/**
 * The one adapter between Teams and the product's parser, so the bot understands exactly
 * what `/direction` does in Slack. Swapped for the shared parser (src/understanding) when it
 * lands; nothing else in src/teams reads words.
 */
export async function understand(raw: string, lookup: Pick<LookupService, 'isIjb'>): Promise<TeamsIntent> {
  const typed = raw.replace(/^\/?direction\s+/i, '').trim();
  const { word, rest, planYear } = splitSubcommand(typed);
  const year = planYear ? { planYear } : {};
  if (word === 'update') return { kind: 'update', text: rest, ...year };
  if (word === 'history') return { kind: 'history', ref: rest.split(/\s+/)[0] ?? '', ...year };
  // Another IJB named first, in one word or two ("east-lothian D10j", "east lothian D10j").
  const words = typed.split(/\s+/);
  for (const count of [2, 1]) {
    const candidate = words.slice(0, count).join('-').toLowerCase();
    if (words.length > count && (await lookup.isIjb(candidate))) {
      return {
        kind: 'lookup',
        command: parseDirectionCommand(words.slice(count).join(' ')),
        ijbId: candidate,
      };
    }
  }
  const command = parseDirectionCommand(typed);
  return { kind: 'lookup', command };
}
