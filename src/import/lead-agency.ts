import type { IjbProfile } from '../register/ijb-profiles';
import type { ParsedPaper } from './parse/paper';
import type { ImportWarning } from './parse/types';

/**
 * Highland integrates by the lead-agency model (no IJB): NHS Highland leads adult health and
 * social care and The Highland Council children's services, each delegating to the other. A
 * direction of both partners there is unusual, so the officer is asked to check who it is to.
 */
export function leadAgencyWarnings(ijb: IjbProfile, paper: Pick<ParsedPaper, 'directions'>): ImportWarning[] {
  if (ijb.model !== 'lead-agency') return [];
  return paper.directions
    .filter((direction) => direction.issuedTo.length > 1)
    .map((direction) => ({
      ...('at' in direction && direction.at ? { at: direction.at } : {}),
      ref: direction.ref,
      message: `issued to both ${ijb.healthBoard} and ${ijb.council}: under ${ijb.shortName}'s lead-agency model each partner delegates to the other, so a direction is usually the lead agency's alone. Check who it is issued to.`,
    }));
}
