import { IJB_PROFILES, type IjbProfile } from '../../register/ijb-profiles';
import type { SourceDocument } from '../source';
import type { ImportProblem } from './types';

/**
 * How some IJBs' areas are named in their papers beyond their short name ("Borders" alone
 * also means Scottish Borders; "Eilean Siar" the Western Isles). Highland's name is not
 * counted inside "NHS Highland", the board Argyll and Bute shares.
 */
const PLACE: Record<string, RegExp> = {
  midlothian: /\bMidlothian\b/g,
  'east-lothian': /\bEast Lothian\b/g,
  'scottish-borders': /\b(?:Scottish Borders|NHS Borders|the Borders)\b/g,
  'clackmannanshire-and-stirling': /\b(?:Clackmannanshire|Stirling)\b/g,
  'dundee-city': /\bDundee\b/g,
  highland: /(?<!NHS )\bHighland\b(?! Council\b)|\bThe Highland Council\b/g,
  // Not the "Renfrewshire" of East Renfrewshire.
  renfrewshire: /(?<!East )\bRenfrewshire\b/g,
  'western-isles': /\b(?:Western Isles|Eilean Siar)\b/g,
};

export function placePattern(ijb: Pick<IjbProfile, 'id' | 'shortName'>): RegExp {
  const known = PLACE[ijb.id];
  if (known) return new RegExp(known.source, 'g');
  const words = ijb.shortName
    .split(/\s+/)
    .map((word) => (/^(?:and|&)$/i.test(word) ? '(?:and|&)' : word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`\\b${words.join('\\s+')}\\b`, 'g');
}

/** How often a paper names each known IJB's area, most first. */
export function placeMentions(
  text: string,
  profiles: readonly IjbProfile[] = Object.values(IJB_PROFILES),
): { ijb: IjbProfile; mentions: number }[] {
  return profiles
    .map((ijb) => ({ ijb, mentions: text.match(placePattern(ijb))?.length ?? 0 }))
    .filter((entry) => entry.mentions > 0)
    .sort((a, b) => b.mentions - a.mentions);
}

export function textOf(doc: SourceDocument): string {
  return doc.lines.map((line) => line.text).join('\n');
}

/**
 * A paper imported under the wrong IJB would put one board's directions in another's register.
 * It is refused when it names another known IJB often and the one asked for hardly at all.
 */
export function checkIjb(doc: SourceDocument, ijb: IjbProfile, problems: ImportProblem[]): void {
  const text = textOf(doc);
  const own = text.match(placePattern(ijb))?.length ?? 0;
  const top = placeMentions(text).find((entry) => entry.ijb.id !== ijb.id);
  if (top && top.mentions >= 3 && own * 5 < top.mentions) {
    problems.push({
      message: `This looks like ${top.ijb.name}'s paper: it names ${top.ijb.shortName} ${top.mentions} times and ${ijb.shortName} ${own === 0 ? 'never' : `${own} times`}.`,
      hint: `Import it with --ijb ${top.ijb.id}, or choose ${ijb.shortName}'s paper.`,
    });
  }
}
