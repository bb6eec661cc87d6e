import { IJB_PROFILES, type IjbProfile } from '../../register/ijb-profiles';
import type { SourceDocument } from '../source';
import type { ImportProblem } from './types';

/** How each known IJB's area is named in its papers ("Borders" alone also means Scottish Borders). */
const PLACE: Record<string, RegExp> = {
  midlothian: /\bMidlothian\b/g,
  'east-lothian': /\bEast Lothian\b/g,
  'scottish-borders': /\b(?:Scottish Borders|NHS Borders|the Borders)\b/g,
};

function placePattern(ijb: IjbProfile): RegExp {
  return PLACE[ijb.id] ?? new RegExp(`\\b${ijb.shortName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
}

/**
 * A paper imported under the wrong IJB would put one board's directions in another's register.
 * It is refused when it names another known IJB often and the one asked for hardly at all.
 */
export function checkIjb(doc: SourceDocument, ijb: IjbProfile, problems: ImportProblem[]): void {
  const text = doc.lines.map((line) => line.text).join('\n');
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  const own = count(placePattern(ijb));
  const others = Object.values(IJB_PROFILES)
    .filter((other) => other.id !== ijb.id)
    .map((other) => ({ other, mentions: count(placePattern(other)) }))
    .sort((a, b) => b.mentions - a.mentions);
  const top = others[0];
  if (top && top.mentions >= 3 && own * 5 < top.mentions) {
    problems.push({
      message: `This looks like ${top.other.name}'s paper: it names ${top.other.shortName} ${top.mentions} times and ${ijb.shortName} ${own === 0 ? 'never' : `${own} times`}.`,
      hint: `Import it with --ijb ${top.other.id}, or choose ${ijb.shortName}'s paper.`,
    });
  }
}
