import { councilsOf, type IjbProfile } from '../../register/ijb-profiles';
import type { SourceDocument } from '../source';
import { placePattern, textOf } from './paper-checks';
import type { ImportProblem } from './types';

export type Genre = 'guidance' | 'minutes' | 'strategic-plan' | 'report';

const READS_AS: Record<Genre, string> = {
  guidance: 'guidance about directions',
  minutes: 'the minutes of a meeting',
  'strategic-plan': 'a strategic plan',
  report: 'a report to the board',
};

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** What kind of document this is, when it plainly is not a Directions paper. */
export function genreOf(doc: SourceDocument): Genre | undefined {
  const text = textOf(doc);
  const top = doc.lines
    .slice(0, 60)
    .filter((line) => line.text.split(/\s+/).length <= 12)
    .map((line) => line.text)
    .join('\n');
  const guidance =
    count(text, /\b(?:statutory\s+)?guidance\b/gi) +
    count(text, /\bgood practice\b/gi) +
    count(text, /\bintegration (?:authorities|joint boards) (?:should|must|may|are)\b/gi) * 2 +
    count(text, /\bScottish Government\b/gi);
  const minutes =
    count(text, /^(?:present|apologies(?: for absence)?|in attendance|sederunt)\b:?/gim) * 2 +
    count(text, /\bminutes? of (?:the )?(?:meeting|previous meeting)\b/gi) +
    count(text, /\b(?:the )?(?:board|ijb|committee) (?:noted|agreed|approved)\b/gi);
  if (minutes >= 5) return 'minutes';
  if (/\bstrategic (?:commissioning )?plan\b/i.test(top) && !/\bdirections\b/i.test(top))
    return 'strategic-plan';
  if (guidance >= 5 && count(text, /\bguidance\b/gi) >= 2) return 'guidance';
  if (/\b(?:item number|report by|chief officer report|executive summary)\b/i.test(top)) return 'report';
  return undefined;
}

/** Whether the paper names this IJB, its health board or one of its councils anywhere. */
export function namesIjb(doc: SourceDocument, ijb: IjbProfile): boolean {
  const text = textOf(doc);
  const literal = (name: string) => new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
  return (
    placePattern(ijb).test(text) ||
    literal(ijb.healthBoard).test(text) ||
    councilsOf(ijb).some((council) => literal(council).test(text))
  );
}

/**
 * A paper that is not an IJB's Directions is refused with the reason, before any of it could
 * be taken for binding instructions: guidance with numbered paragraphs, minutes, a strategic
 * plan or a board report. Statutory forms and coded tables are Directions by their shape; a
 * numbered list is only as good as the document it is in.
 */
export function notDirections(
  doc: SourceDocument,
  ijb: IjbProfile,
  found: { family: string; count: number },
): ImportProblem | undefined {
  if (found.family === 'statutory-form' || found.family === 'coded-table') return undefined;
  const genre = genreOf(doc);
  const named = namesIjb(doc, ijb);
  if (!named && (genre || found.count > 0)) {
    return {
      message: `This reads as ${genre ? READS_AS[genre] : 'a document about directions'}: it names no Integration Joint Board issuing them (not ${ijb.name}, ${ijb.healthBoard} or ${ijb.council}).`,
      hint: `Import ${ijb.shortName}'s own Directions paper: the directions the IJB issued, numbered or on the statutory form.`,
    };
  }
  if (genre && (genre !== 'report' || found.count === 0))
    return {
      message: `This reads as ${READS_AS[genre]}, not as ${ijb.shortName}'s Directions${found.count > 0 ? `: the ${found.count} numbered paragraphs in it are not read as directions` : ': it issues no directions'}.`,
      hint:
        genre === 'minutes' || genre === 'report'
          ? 'A direction issued at a meeting is imported from the Directions paper (or statutory form) the meeting issued.'
          : `Import ${ijb.shortName}'s Directions paper itself.`,
    };
  return undefined;
}
