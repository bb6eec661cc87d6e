import type { Direction } from '../domain/direction';
import type { Ijb } from '../domain/ijb';
import type { LocalDate } from '../domain/local-date';
import type { Milestone } from '../domain/milestone';
import type { DirectionOutcome } from '../domain/outcome';
import type { PlanYear } from '../domain/plan-year';

/** A plan year's set of directions as loaded, with where it came from. */
export interface PlanYearRecord {
  ijbId: string;
  planYear: PlanYear;
  title: string;
  source: string;
  loadedAt: string;
  directionCount: number;
  /** Delivery-plan key actions loaded with the year (its own items); absent in older records. */
  milestoneCount?: number;
}

/** A deadline with a due day, as the due-date index holds it. */
export interface DueEntry {
  ref: string;
  dueDate: LocalDate;
  deadlineIndex: number;
}

export interface PlanYearWrite {
  ijb: Ijb;
  record: PlanYearRecord;
  directions: Direction[];
  dueEntries: DueEntry[];
}

/** The register as the rest of the product sees it. One implementation: DynamoDB. */
export interface RegisterStore {
  getIjb(ijbId: string): Promise<Ijb | undefined>;
  listIjbs(): Promise<Ijb[]>;
  listPlanYears(ijbId: string): Promise<PlanYearRecord[]>;
  getDirection(ijbId: string, planYear: PlanYear, ref: string): Promise<Direction | undefined>;
  getDirections(ijbId: string, planYear: PlanYear, refs: readonly string[]): Promise<Direction[]>;
  listDirections(ijbId: string, planYear: PlanYear): Promise<Direction[]>;
  /** Deadlines due between `from` and `to` inclusive (from the beginning when `from` is absent), soonest first. */
  listDue(ijbId: string, planYear: PlanYear, range: { from?: LocalDate; to: LocalDate }): Promise<DueEntry[]>;
  /**
   * Writes a new plan year: directions and deadline entries first, the plan-year record and
   * the IJB's latest year last, so a load cut short is invisible and can simply be rerun.
   */
  writePlanYear(write: PlanYearWrite): Promise<void>;
  /**
   * Takes a direction's deadlines out of the due-date index when it closes (achieved,
   * retired) and puts them back when it reopens, so due lists and nudges read only open ones.
   */
  setDeadlinesOpen(ijbId: string, planYear: PlanYear, ref: string, open: boolean): Promise<void>;
  /** What later papers' outcome tables say of this year's directions (kept whether or not the year is loaded). */
  listOutcomes(ijbId: string, planYear: PlanYear): Promise<DirectionOutcome[]>;
  /** The year's delivery-plan milestones. */
  listMilestones(ijbId: string, planYear: PlanYear): Promise<Milestone[]>;
}
