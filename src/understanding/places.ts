import { normalisePlanYear, type PlanYear } from '../domain/plan-year';

/**
 * Scotland's 31 Integration Joint Boards, by the area each serves, so a name is read as an
 * IJB (and "not loaded here" said of it) whether or not its register is loaded.
 */
const SCOTTISH_IJBS: readonly string[] = [
  'Aberdeen City',
  'Aberdeenshire',
  'Angus',
  'Argyll and Bute',
  'Clackmannanshire and Stirling',
  'Dumfries and Galloway',
  'Dundee',
  'East Ayrshire',
  'East Dunbartonshire',
  'East Lothian',
  'East Renfrewshire',
  'Edinburgh',
  'Falkirk',
  'Fife',
  'Glasgow City',
  'Highland',
  'Inverclyde',
  'Midlothian',
  'Moray',
  'North Ayrshire',
  'North Lanarkshire',
  'Orkney',
  'Perth and Kinross',
  'Renfrewshire',
  'Scottish Borders',
  'Shetland',
  'South Ayrshire',
  'South Lanarkshire',
  'West Dunbartonshire',
  'West Lothian',
  'Western Isles',
];

export interface KnownPlace {
  id: string;
  name: string;
  /** Each way of writing it, as lower-case words: ["east", "lothian"]. */
  spellings: string[][];
}

const ALSO: Record<string, string[]> = {
  'glasgow-city': ['glasgow'],
  'aberdeen-city': ['aberdeen'],
  edinburgh: ['city of edinburgh', 'edinburgh city'],
  'scottish-borders': ['borders'],
  'western-isles': ['eilean siar'],
  dundee: ['dundee city'],
};

export const PLACES: readonly KnownPlace[] = SCOTTISH_IJBS.map((name) => {
  const id = name.toLowerCase().replace(/ /g, '-');
  const spellings = [name.toLowerCase(), ...(ALSO[id] ?? [])].map((text) => text.split(' '));
  // "east-lothian" and "eastlothian" are one token as typed.
  spellings.push([id], [id.replace(/-/g, '')]);
  return { id, name, spellings };
}).sort((a, b) => longest(b) - longest(a));

/** Spellings by their first word, so a token is tried against a few places, not all 31. */
const BY_FIRST_WORD = new Map<string, [KnownPlace, string[]][]>();
for (const place of PLACES)
  for (const words of place.spellings) {
    const list = BY_FIRST_WORD.get(words[0] ?? '') ?? [];
    list.push([place, words]);
    BY_FIRST_WORD.set(words[0] ?? '', list);
  }

function longest(place: KnownPlace): number {
  return Math.max(...place.spellings.map((words) => words.length));
}

/**
 * The IJB named at `tokens[at]` (lower case, possessive "'s" dropped), with how many tokens
 * it took; longest spelling first, so "east lothian" is not read as "lothian".
 */
export function placeAt(
  tokens: readonly string[],
  at: number,
): { place: KnownPlace; length: number } | undefined {
  let best: { place: KnownPlace; length: number } | undefined;
  for (const [place, words] of BY_FIRST_WORD.get(possessive(tokens[at]) ?? '') ?? []) {
    if (best && words.length <= best.length) continue;
    if (words.every((word, i) => possessive(tokens[at + i]) === word)) best = { place, length: words.length };
  }
  return best;
}

function possessive(token: string | undefined): string | undefined {
  return token?.endsWith('s') ? token.replace(/['’]s$/, '') : token;
}

/** "2023-24", "2023/24", "2023-2024", "23-24", "23/24" and "2023" (the year 2023-24 starts in). */
export function readPlanYear(token: string): PlanYear | undefined {
  const word = token.replace(/[,:;.)]+$/, '').replace(/^\(/, '');
  const full = normalisePlanYear(word);
  if (full) return full;
  const short = /^(\d{2})\s*[-/]\s*(\d{2})$/.exec(word);
  if (short?.[1] && short[2] && (Number(short[1]) + 1) % 100 === Number(short[2]))
    return normalisePlanYear(`20${short[1]}-${short[2]}`);
  const single = /^(20\d{2})$/.exec(word);
  if (single?.[1])
    return normalisePlanYear(`${single[1]}-${String((Number(single[1]) + 1) % 100).padStart(2, '0')}`);
  return undefined;
}
