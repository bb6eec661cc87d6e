import type { Recipient } from '../domain/direction';
import type { PlanYear } from '../domain/plan-year';

/** Where the text says to look: an IJB named in it, a plan year. Absent means "wherever it is". */
export interface Place {
  /** The IJB's id ("east-lothian"), whether or not its register is loaded here. */
  ijbId?: string;
  /** The IJB as a person would name it ("East Lothian"), for "Fife's register is not loaded". */
  ijbName?: string;
  planYear?: PlanYear;
}

/** A span of days, read from "this week", "by march", "in 60 days"; worked out against today later. */
export type TimeWindow =
  | { kind: 'days'; days: number }
  | { kind: 'week'; offset: 0 | 1 }
  | { kind: 'month'; month: number; year?: number }
  | { kind: 'month-offset'; offset: 0 | 1 }
  | { kind: 'by'; month: number; day?: number; year?: number };

export type StatusFilter =
  | 'not-reported'
  | 'not-started'
  | 'on-track'
  | 'at-risk'
  | 'off-track'
  | 'achieved'
  | 'retired'
  | 'awaiting-sign-off';

export type LeadFilter = { kind: 'me' } | { kind: 'user'; userId: string } | { kind: 'named'; name: string };

/** Filters in plain words; every one present must hold. */
export interface Filter {
  recipient?: Recipient;
  status?: StatusFilter;
  time?: TimeWindow;
  lead?: LeadFilter;
  /** Words left over, matched against the direction's theme, title and text ("carers"). */
  about?: string;
}

export type ListKind = 'all' | 'due' | 'overdue' | 'mine';

/** What an officer asked for, wherever they typed it (slash command, DM, mention). */
export type Intent =
  | { kind: 'help'; topic?: string }
  | { kind: 'show'; ref: string; share: boolean; place: Place }
  | { kind: 'history'; ref: string; place: Place }
  | { kind: 'undo'; ref: string; place: Place }
  | { kind: 'edit'; ref: string; place: Place }
  /** `update 5.1 …`, `report 5.1 …`, `5.1 update`: `text` is everything after the ref, exactly as typed. */
  | { kind: 'update'; ref?: string; text: string; place: Place }
  | { kind: 'list'; list: ListKind; filter: Filter; place: Place }
  | { kind: 'search'; words: string; filter: Filter; place: Place }
  /** A capability's own command (subscribe, import, assign, admins…): its words as typed. */
  | { kind: 'command'; name: string; text: string; place: Place }
  | { kind: 'invalid'; problem: string; example: string };

export type IntentKind = Intent['kind'];
