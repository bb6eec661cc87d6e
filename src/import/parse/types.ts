import type { IssuedDirection, Recipient } from '../../domain/direction';
import type { Milestone } from '../../domain/milestone';
import type { DirectionOutcome } from '../../domain/outcome';
import type { PlanYear } from '../../domain/plan-year';
import type { IjbProfile } from '../../register/ijb-profiles';
import type { Location, SourceLine } from '../source';
import type { Vocabulary } from './words';

/** Something the importer inferred or repaired: the import goes ahead, and the officer is told. */
export interface ImportWarning {
  at?: Location;
  ref?: string;
  message: string;
}

/** Something that stops the import: where, what, and what to do about it. */
export interface ImportProblem {
  at?: Location;
  message: string;
  hint: string;
}

export interface ParsedDirection extends IssuedDirection {
  at: Location;
}

export interface ParsedOutcome extends DirectionOutcome {
  at: Location;
}

export interface ParsedMilestone extends Milestone {
  at: Location;
}

/** What every parser reads from and reports to. */
export interface ParseContext {
  lines: readonly SourceLine[];
  ijb: IjbProfile;
  planYear: PlanYear;
  vocabulary: Vocabulary;
  warnings: ImportWarning[];
  problems: ImportProblem[];
}

/** Directions found by one family's parser, with the recipients their headings gave. */
export interface FamilyResult {
  directions: ParsedDirection[];
  /** Headings that name recipients but could not be read whole. */
  headingRecipients?: Map<string, Recipient[]>;
}
