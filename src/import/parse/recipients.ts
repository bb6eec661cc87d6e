import type { Recipient } from '../../domain/direction';
import { councilsOf, type IjbProfile } from '../../register/ijb-profiles';

const patterns = new Map<string, RegExp>();

/** A name as a pattern, made once per name: a paper asks about the same two partners hundreds of times. */
function tolerant(name: string): RegExp {
  let pattern = patterns.get(name);
  if (!pattern) {
    pattern = tolerantPattern(name);
    if (patterns.size < 500) patterns.set(name, pattern);
  }
  return pattern;
}

function tolerantPattern(name: string): RegExp {
  const words = name.split(/\s+/).map((word) =>
    // Boards and councils write "and" or "&" ("NHS Ayrshire & Arran", "Perth & Kinross").
    /^(?:and|&)$/i.test(word) ? '(?:and|&)' : word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  // Conversion may cut the last letters of a heading's last word ("NHS Lothia"): allow two.
  const last = words.pop() ?? '';
  const cut = last.length > 4 ? `${last.slice(0, -2)}(?:${last.slice(-2)}|${last.slice(-2, -1)})?` : last;
  return new RegExp(`\\b${[...words, cut].join('\\s+')}\\b`, 'i');
}

/** A council's name without "The" or "Council": "Stirling", "City of Edinburgh". */
function councilArea(council: string): RegExp | undefined {
  const area = council.replace(/^The\s+/i, '').replace(/\s+Council$/i, '');
  return area === council ? undefined : tolerant(`${area} Council`);
}

/** The partners a piece of text names: the Health Board, the Council, or both. */
export function recipientsNamed(text: string, ijb: IjbProfile): Recipient[] {
  const found: Recipient[] = [];
  if (tolerant(ijb.healthBoard).test(text) || /\bthe Health Board\b/i.test(text)) found.push('health-board');
  const council = councilsOf(ijb).some(
    (name) => tolerant(name).test(text) || councilArea(name)?.test(text) === true,
  );
  if (council || /\bthe Council\b/i.test(text)) found.push('council');
  return found;
}

/**
 * Who a direction is issued to, by its own words: the partners named before its verb ("NHS
 * Lothian and East Lothian Council to …", "NHS Lothian and Midlothian Council must …").
 * Partners named later ("to work with NHS Lothian") are not recipients.
 */
export function subjectRecipients(text: string, ijb: IjbProfile): Recipient[] {
  const subject = /^(.{0,160}?)\s(?:to|must|should|shall|will|are|is|improve)\b/i.exec(text)?.[1] ?? '';
  return recipientsNamed(subject, ijb);
}
