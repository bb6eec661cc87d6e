import type { Recipient } from '../../domain/direction';
import type { IjbProfile } from '../../register/ijb-profiles';

function tolerant(name: string): RegExp {
  const words = name.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Conversion may cut the last letters of a heading's last word ("NHS Lothia"): allow two.
  const last = words.pop() ?? '';
  const cut = last.length > 4 ? `${last.slice(0, -2)}(?:${last.slice(-2)}|${last.slice(-2, -1)})?` : last;
  return new RegExp(`\\b${[...words, cut].join('\\s+')}\\b`, 'i');
}

/** The partners a piece of text names: the Health Board, the Council, or both. */
export function recipientsNamed(text: string, ijb: IjbProfile): Recipient[] {
  const found: Recipient[] = [];
  if (tolerant(ijb.healthBoard).test(text) || /\bthe Health Board\b/i.test(text)) found.push('health-board');
  if (tolerant(ijb.council).test(text) || /\bthe Council\b/i.test(text)) found.push('council');
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
