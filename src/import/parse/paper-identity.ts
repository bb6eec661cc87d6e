import { type PlanYear, planYearOf } from '../../domain/plan-year';
import type { IjbProfile } from '../../register/ijb-profiles';
import type { SourceDocument } from '../source';
import { readWrittenDate } from './form-values';
import { paperYear } from './paper';
import { placeMentions, placePattern, textOf } from './paper-checks';
import { formsOf } from './statutory-form';

const ISSUER = /\s+(?:Integration Joint Board|IJB|Health (?:and|&) Social Care Partnership|HSCP)\b/;

/**
 * Which IJB's paper this is, by its own words: the IJB it names as issuer ("Glasgow City
 * Integration Joint Board") most often, else the area it names far more than any other.
 */
export function paperIjb(doc: SourceDocument, profiles: readonly IjbProfile[]): IjbProfile | undefined {
  const text = textOf(doc);
  const issuers = profiles
    .map((ijb) => ({
      ijb,
      mentions: text.match(new RegExp(`${placePattern(ijb).source}${ISSUER.source}`, 'gi'))?.length ?? 0,
    }))
    .filter((entry) => entry.mentions > 0)
    .sort((a, b) => b.mentions - a.mentions);
  if (issuers[0] && (issuers[1]?.mentions ?? 0) * 2 < issuers[0].mentions) return issuers[0].ijb;
  const [top, next] = placeMentions(text, profiles);
  return top && top.mentions >= 3 && (next?.mentions ?? 0) * 3 < top.mentions ? top.ijb : undefined;
}

/** The paper's plan year: its title's ("Directions 2025-26"), else the year its first form takes effect. */
export function paperPlanYear(doc: SourceDocument): PlanYear | undefined {
  const titled = paperYear(doc)?.year;
  if (titled) return titled;
  for (const form of formsOf(doc.lines)) {
    const value = form.fields.get('effective') ?? form.fields.get('issued');
    const date = value ? readWrittenDate(value.lines.join(' '))?.date : undefined;
    if (date) return planYearOf(date);
  }
  return undefined;
}
