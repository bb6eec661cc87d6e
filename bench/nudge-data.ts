import { dueDateOf } from '../src/domain/deadline';
import type { Direction, DirectionStatus } from '../src/domain/direction';
import type { Ijb } from '../src/domain/ijb';
import { addDays } from '../src/domain/local-date';
import { calendarFor } from '../src/register/calendars';
import type { RegisterStore } from '../src/store/register-store';
import type { SubscriptionStore } from '../src/store/subscription-store';

/**
 * A synthetic register for the nudge benchmark: `ijbCount` IJBs, `total` directions between
 * them, month deadlines spread over two years either side of the run day, team channels,
 * leads, updates, subscriptions and an escalation channel each. Deterministic (seeded), not
 * shipped: the seed register is real, this one is only big.
 */
const THEMES = [
  'Health & Wellbeing',
  'Living in the Community',
  'Positive Experiences & Dignity',
  'Quality of Life',
  'Health Inequalities',
  'Support for Carers',
  'Safe from Harm',
  'Workforce',
  'Use of Resources',
];

export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface SyntheticOptions {
  ijbCount: number;
  total: number;
  planYear: string;
  /** First month deadlines may fall in, as [year, month]; they spread over `months` months. */
  from: [number, number];
  months: number;
  /** Around which day updates are dated. */
  today: string;
  seed: number;
}

export function ijbId(index: number): string {
  return `ijb-${String(index + 1).padStart(2, '0')}`;
}

function channel(index: number, name: string): string {
  return `C${String(index + 1).padStart(2, '0')}${name}`;
}

export async function writeSyntheticRegister(
  store: RegisterStore,
  subscriptions: SubscriptionStore | undefined,
  options: SyntheticOptions,
): Promise<{ directions: number; dueEntries: number }> {
  const next = random(options.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  let written = 0;
  let entries = 0;
  for (let i = 0; i < options.ijbCount; i++) {
    const count =
      Math.floor(options.total / options.ijbCount) + (i < options.total % options.ijbCount ? 1 : 0);
    const ijb: Ijb = {
      id: ijbId(i),
      name: `Synthetic Integration Joint Board ${i + 1}`,
      shortName: `Synthetic ${i + 1}`,
      healthBoard: `NHS Board ${i + 1}`,
      council: `Council ${i + 1}`,
      settings: {
        monthDeadlineRule: 'end-of-month',
        closures: [],
        nudges: { escalationChannel: channel(i, 'ESC') },
      },
    };
    const calendar = calendarFor(ijb);
    const directions: Direction[] = [];
    for (let n = 0; n < count; n++) {
      const theme = (n % THEMES.length) + 1;
      const roll = next();
      const monthOffset = Math.floor(next() * options.months);
      const year = options.from[0] + Math.floor((options.from[1] - 1 + monthOffset) / 12);
      const month = ((options.from[1] - 1 + monthOffset) % 12) + 1;
      const status: DirectionStatus =
        next() < 0.1 ? 'achieved' : pick(['not-reported', 'on-track', 'at-risk']);
      const updated = next() < 0.5;
      directions.push({
        ijbId: ijb.id,
        planYear: options.planYear,
        ref: `${theme}.${Math.floor(n / THEMES.length) + 1}`,
        theme: { name: THEMES[theme - 1] as string },
        text: `All services delegated to the IJB must demonstrate through service planning and reporting how they have improved outcome ${n} for the people of the area, with measures agreed with the partners.`,
        issuedTo: pick([['health-board'], ['council'], ['health-board', 'council']] as const).slice(),
        deadlines:
          roll < 0.2
            ? []
            : roll < 0.25
              ? [{ kind: 'years', planYears: [options.planYear], asWritten: `in ${options.planYear}` }]
              : [{ kind: 'month', year, month, asWritten: `by month ${month} ${year}` }],
        status,
        leads: [`U${String(i).padStart(2, '0')}L${n % 40}`],
        channel: channel(i, `T${n % 6}`),
        ...(updated
          ? {
              latestUpdate: {
                at: `${addDays(options.today, -Math.floor(next() * 60))}T10:00:00.000Z`,
                by: 'U0LEAD',
                status: 'on-track' as const,
                text: 'Progress as planned.',
              },
            }
          : {}),
        version: 1,
      });
    }
    const dueEntries = directions
      .filter((d) => d.status !== 'achieved')
      .flatMap((d) =>
        d.deadlines.flatMap((deadline, deadlineIndex) => {
          const dueDate = dueDateOf(deadline, 'end-of-month', calendar);
          return dueDate ? [{ ref: d.ref, dueDate, deadlineIndex }] : [];
        }),
      );
    await store.writePlanYear({
      ijb,
      record: {
        ijbId: ijb.id,
        planYear: options.planYear,
        title: `Directions ${options.planYear}`,
        source: 'synthetic',
        loadedAt: `${options.today}T00:00:00.000Z`,
        directionCount: directions.length,
      },
      directions,
      dueEntries,
    });
    if (subscriptions) {
      for (const [name, filter] of [
        ['ALL', { kind: 'all' }],
        ['CARERS', { kind: 'theme', theme: 'Support for Carers' }],
      ] as const) {
        await subscriptions.add({
          ijbId: ijb.id,
          channel: channel(i, name),
          filter,
          by: 'U0ADMIN',
          at: `${options.today}T00:00:00.000Z`,
        });
      }
    }
    written += directions.length;
    entries += dueEntries.length;
  }
  return { directions: written, dueEntries: entries };
}
