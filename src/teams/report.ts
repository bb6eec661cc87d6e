import { normalisePlanYear, type PlanYear } from '../domain/plan-year';
import type { LookupService } from '../lookup/lookup-service';
import { type BoardReport, basisText } from '../report/board-report';
import { ReportError } from '../report/report-service';
import { type AdaptiveCard, card, facts, heading, note, plain, text } from './cards/adaptive';
import { problemCard } from './cards/messages';

/** The board paper's view for one IJB's year (src/report's loadBoardReport, composed in src/product). */
export type BoardReportReader = (ijbId: string, planYear: PlanYear) => Promise<BoardReport>;

/**
 * `report [year]` in Teams: the board paper's summary as a card — the same view every format of
 * the paper renders (counts by outcome as the board words them, overdue, no update, signed off).
 * The Word file itself is made where files go today (`/direction report` in Slack, `npm run
 * report`): Teams would need the personal-chat file consent flow and a OneDrive upload.
 */
export function boardReportCard(report: BoardReport): AdaptiveCard {
  const { summary } = report;
  return card([
    heading(`The board paper for ${report.planYear}`),
    note(`${plain(report.ijb.name)} · ${plain(basisText(report.basis))}`),
    text(`**${summary.directions} directions**, by outcome:`),
    facts(summary.byOutcome.map(({ outcome, count }) => [plain(outcome), String(count)] as const)),
    facts([
      ['Overdue', String(summary.overdue)],
      ['No update', String(summary.noReturn)],
      ['Signed off', String(summary.signedOff)],
    ]),
    note(
      'The paper itself (Word, with the chart; or csv, md, json) is made by `/direction report` in Slack or `npm run report`. Type `overdue` for the list.',
    ),
  ]);
}

export async function answerReport(
  services: { lookup: LookupService; boardReport: BoardReportReader },
  place: { ijbId?: string; planYear?: PlanYear },
  typed: string,
): Promise<AdaptiveCard> {
  const all = typed.toLowerCase().split(/\s+/).filter(Boolean);
  const named = all.map((word) => normalisePlanYear(word)).find(Boolean);
  const planYear = place.planYear ?? named;
  const scoped = await services.lookup.scope({
    ...(place.ijbId ? { ijbId: place.ijbId } : {}),
    ...(planYear ? { planYear } : {}),
  });
  if (!scoped.ok) return problemCard(scoped.problem);
  try {
    return boardReportCard(await services.boardReport(scoped.scope.ijb.id, scoped.scope.planYear));
  } catch (error) {
    if (error instanceof ReportError) return problemCard(error.message);
    throw error;
  }
}
