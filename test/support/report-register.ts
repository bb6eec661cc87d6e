import type { Direction, DirectionStatus, Recipient } from '../../src/domain/direction';
import type { Ijb } from '../../src/domain/ijb';
import { MONTH_NAMES } from '../../src/domain/local-date';
import { IJB_PROFILES } from '../../src/register/ijb-profiles';

export const MIDLOTHIAN: Ijb = IJB_PROFILES.midlothian as Ijb;

const STATUSES: DirectionStatus[] = [
  'on-track',
  'at-risk',
  'off-track',
  'achieved',
  'not-reported',
  'not-started',
];
const THEMES = ['Health & Wellbeing', 'Living in the Community', 'Support for Carers', 'Use of Resources'];
const RECIPIENTS: Recipient[][] = [['health-board'], ['council'], ['health-board', 'council']];

/**
 * A register of `count` directions whose text has what breaks naive exporters: commas, quotes,
 * line breaks, "–", "£", non-ASCII names. Deterministic: the same count gives the same register.
 */
export function reportRegister(count: number): Direction[] {
  return Array.from({ length: count }, (_, index) => {
    const theme = index % THEMES.length;
    const status = STATUSES[index % STATUSES.length] as DirectionStatus;
    const ref = `${theme + 1}.${Math.floor(index / THEMES.length) + 1}`;
    const month = (index % 12) + 1;
    const direction: Direction = {
      ijbId: 'midlothian',
      planYear: '2023-24',
      ref,
      theme: { name: THEMES[theme] as string },
      title: `Direction ${ref}, "quoted" – £${index}k`,
      text: `Midlothian Council to do thing ${index}.`,
      issuedTo: RECIPIENTS[index % RECIPIENTS.length] as Recipient[],
      deadlines:
        index % 5 === 0
          ? []
          : [{ kind: 'month', year: 2024, month, asWritten: `by ${MONTH_NAMES[month - 1]} 2024` }],
      status,
      leads: index % 3 === 0 ? [] : [`U0LEAD${String(index).padStart(3, '0')}`],
      version: 1,
    };
    if (status !== 'not-reported')
      direction.latestUpdate = {
        at: `2024-0${(index % 9) + 1}-1${index % 10}T10:00:00.000Z`,
        by: 'U0LEAD001',
        status,
        text: `Progress on ${ref}: the team met Síle, Ó Briain and "the board", agreed £${index}k.\nNext, a review – in January.`,
        ...(status === 'achieved' ? { proposal: 'achieved', signOff: 'approved' } : {}),
      } as Direction['latestUpdate'];
    return direction;
  });
}
