import type { Recipient } from '../domain/direction';
import type { Ijb } from '../domain/ijb';
import type { SubscriptionFilter } from '../domain/subscription';

/** What a subscribe request names, checked against the register: filters, or what was wrong. */
export type Resolved =
  | { kind: 'usage' }
  | { kind: 'problem'; problem: string; example?: string }
  | { kind: 'filters'; filters: SubscriptionFilter[] };

/** "to NHS Lothian", "to the council", "to nhs": one of the IJB's two partners, by its name. */
export function resolveRecipient(ijb: Ijb, words: string, verb: string): Resolved {
  const said = words.toLowerCase().replace(/^the\s+/, '');
  const names: [Recipient, string[]][] = [
    ['health-board', [ijb.healthBoard.toLowerCase(), 'health board', 'nhs', 'the health board']],
    ['council', [ijb.council.toLowerCase(), 'council', 'the council']],
  ];
  const match = names.find(([, forms]) => forms.includes(said));
  if (match) return { kind: 'filters', filters: [{ kind: 'recipient', recipient: match[0] }] };
  return {
    kind: 'problem',
    problem: `${ijb.shortName} issues directions to ${ijb.healthBoard} and ${ijb.council}; "${words}" is neither.`,
    example: `/direction ${verb} to ${ijb.healthBoard}`,
  };
}

/** A theme of the plan year named exactly or in part ("carers"); more than one fit asks which. */
export function resolveTheme(themes: string[], words: string, verb: string): Resolved {
  const said = words.toLowerCase().trim();
  const exact = themes.find((theme) => theme.toLowerCase() === said);
  const close = exact ? [exact] : themes.filter((theme) => theme.toLowerCase().includes(said));
  if (close.length === 1) return { kind: 'filters', filters: [{ kind: 'theme', theme: close[0] as string }] };
  return {
    kind: 'problem',
    problem:
      close.length > 1
        ? `"${words}" fits ${close.length} themes: ${close.join('; ')}. Name one.`
        : `No theme is called "${words}". The themes are: ${themes.join('; ')}.`,
    example: `/direction ${verb} theme ${(close[0] ?? themes[0] ?? 'carers').toLowerCase()}`,
  };
}
