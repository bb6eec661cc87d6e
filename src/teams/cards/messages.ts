import { type AdaptiveCard, card, heading, note, people, plain, text } from './adaptive';

/** Something went wrong with what was asked: say what, and what to type instead. */
export function problemCard(problem: string, example?: string): AdaptiveCard {
  return card([
    text(plain(people(problem))),
    ...(example ? [note(`Try: ${plain(example.replace(/^\/direction\s*/, ''))}`)] : []),
  ]);
}

export function missingCard(
  ref: string,
  where: string,
  suggestions: string[],
  otherYears: string[],
): AdaptiveCard {
  return card([
    text(`I could not find ${plain(ref)} in ${plain(where)}.`),
    ...(suggestions.length > 0
      ? [
          note(
            `Did you mean ${suggestions.map((ref) => `*${plain(ref)}*`).join(suggestions.length === 2 ? ' or ' : ', ')}?`,
          ),
        ]
      : []),
    ...(otherYears.length > 0
      ? [note(`${plain(ref)} is in ${otherYears.join(', ')}: type the year first.`)]
      : []),
  ]);
}

/** The same things the Slack bot understands, typed without `/direction`. */
export const HELP_LINES: ReadonlyArray<readonly [string, string]> = [
  ['5.1', 'show a direction: status, deadline, working days left'],
  ['east lothian D10j', "look in another IJB's register"],
  ['overdue NHS Lothian', 'what is past its deadline'],
  ['due next month', 'what falls due soon (due 60 days, due january)'],
  ['search carers', 'find directions by words'],
  ['update 5.1 at risk: DSA not signed', 'report progress in one line; update 5.1 opens the form'],
  ['history 5.1', 'every update to a direction'],
  ['help', 'this list'],
];

export function helpCard(notYet?: string): AdaptiveCard {
  return card([
    heading('IJB Directions'),
    ...(notYet ? [text(`"${plain(notYet)}" is not something I can do in Teams yet.`)] : []),
    { type: 'FactSet', facts: HELP_LINES.map(([title, value]) => ({ title: plain(title), value })) },
    note('In a channel, @mention me first. The register is the same one the Slack bot uses.'),
  ]);
}
