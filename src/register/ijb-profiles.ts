import type { Ijb } from '../domain/ijb';

export type IjbProfile = Omit<Ijb, 'latestPlanYear'>;

/**
 * The IJBs the product knows out of the box, with their two partners. An import for one of
 * them creates its profile in the register when it is not there yet.
 */
export const IJB_PROFILES: Record<string, IjbProfile> = {
  midlothian: {
    id: 'midlothian',
    name: 'Midlothian Integration Joint Board',
    shortName: 'Midlothian',
    healthBoard: 'NHS Lothian',
    council: 'Midlothian Council',
    settings: { monthDeadlineRule: 'end-of-month', closures: [] },
  },
  'east-lothian': {
    id: 'east-lothian',
    name: 'East Lothian Integration Joint Board',
    shortName: 'East Lothian',
    healthBoard: 'NHS Lothian',
    council: 'East Lothian Council',
    settings: { monthDeadlineRule: 'end-of-month', closures: [] },
  },
  'scottish-borders': {
    id: 'scottish-borders',
    name: 'Scottish Borders Integration Joint Board',
    shortName: 'Scottish Borders',
    healthBoard: 'NHS Borders',
    council: 'Scottish Borders Council',
    settings: { monthDeadlineRule: 'end-of-month', closures: [] },
  },
};
