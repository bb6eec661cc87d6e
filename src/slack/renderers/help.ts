import { type Block, context, header, type Reply, sections } from './blocks';

const EXAMPLES: [string, string][] = [
  ['/direction 5.1', 'the whole direction: what it asks, of whom, by when, its status and latest update'],
  ['/direction 5.1 share', 'the same, posted in this channel for everyone'],
  ['/direction 2023-24 5.1', 'a direction from a given plan year (the latest year loaded is the default)'],
  ['/direction east-lothian D15c', 'another IJB’s register, when this one holds several'],
  [
    '/direction search unpaid carers',
    'find directions by their words (typos forgiven); any other text searches too',
  ],
  ['/direction list', 'every direction of the year, by theme'],
  ['/direction due', 'what falls due in the next 30 days; also `due 60 days`, `due january`, `due jan 2025`'],
  ['/direction overdue', 'what is past its deadline and not achieved'],
];

export function renderHelp(extra: readonly (readonly [string, string])[] = [], notYet?: string): Reply {
  const blocks: Block[] = [
    header('IJB Directions'),
    ...(notYet
      ? sections(`:construction: \`/direction ${notYet}\` is coming soon. Here is what works today:`)
      : sections('The Directions your IJB has issued: what they ask, by when, and how they are going.')),
    ...sections(
      [...EXAMPLES, ...extra].map(([command, meaning]) => `\`${command}\`\n${meaning}`).join('\n\n'),
    ),
    context('Deadlines count Scotland’s working days: weekends and Scottish bank holidays are left out.'),
  ];
  return {
    text: notYet ? `/direction ${notYet} is coming soon` : 'How to use /direction',
    blocks,
    visibility: 'private',
  };
}
