import type { ImportResult } from '../../import/import-paper';
import { describeKept } from '../../import/reconcile';
import { describeProblem, describeWarning, diffCounts, directionSummary } from '../../import/report';
import {
  actions,
  type Block,
  button,
  capBlocks,
  context,
  escapeMrkdwn,
  header,
  type Reply,
  sections,
} from './blocks';

type Done = Exclude<ImportResult, { status: 'refused' }>;

const MAX_LISTED = 25;
const MAX_WARNINGS = 8;

function countsLine(result: Done): string {
  const counts = diffCounts(result);
  return [
    `${counts.added} new`,
    `${counts.changed} changed`,
    `${counts.unchanged} unchanged`,
    `${counts.notInPaper} no longer in the paper (kept, flagged)`,
    ...(counts.milestones ? [`${counts.milestones} milestones`] : []),
    ...(counts.outcomes ? [`${counts.outcomes} outcomes of earlier directions`] : []),
  ].join(' · ');
}

function warningsBlocks(result: { warnings: Done['warnings'] }): Block[] {
  if (result.warnings.length === 0) return [];
  const shown = result.warnings
    .slice(0, MAX_WARNINGS)
    .map((warning) => `• ${escapeMrkdwn(describeWarning(warning))}`);
  const more = result.warnings.length - shown.length;
  return [
    ...sections(
      `*Inferred or repaired — please check (${result.warnings.length})*\n${shown.join('\n')}${more > 0 ? `\n…and ${more} more (\`npm run import -- --dry-run\` lists them all)` : ''}`,
    ),
  ];
}

/** The dry run an admin confirms: what was found, what it would change, what was inferred. */
export function renderImportPreview(result: Done, fileName: string, confirmValue: string): Reply {
  const { ijb, planYear, paper, diff } = result;
  const listed = (
    diff.newYear ? paper.directions : [...diff.added, ...diff.changed.map((change) => change.after)]
  )
    .slice(0, MAX_LISTED)
    .map((direction) => {
      const summary = directionSummary(ijb, direction);
      const due = summary.deadlines.map((deadline) => deadline.shown).join('; ') || 'no deadline';
      return `• *${escapeMrkdwn(summary.ref)}* · ${escapeMrkdwn(summary.theme)} · ${escapeMrkdwn(summary.issuedTo)} · ${escapeMrkdwn(due)}`;
    });
  const total = diff.newYear ? paper.directions.length : diff.added.length + diff.changed.length;
  const nothing =
    result.status === 'unchanged' ||
    (total === 0 &&
      diff.dropped.length === 0 &&
      result.plan.lifecycles.length === 0 &&
      diff.milestones.added.length + diff.milestones.removed.length + diff.outcomes.written.length === 0);
  const blocks: Block[] = [
    header(`Import ${ijb.shortName} ${planYear}?`),
    context(
      `${escapeMrkdwn(fileName)} · ${paper.directions.length} directions, ${escapeMrkdwn(paper.readAs ?? `read as ${paper.family}`)} · nothing is written until you press Import`,
    ),
    ...sections(`*${diff.newYear ? 'A new plan year' : 'Changes to the register'}:* ${countsLine(result)}`),
    ...(listed.length > 0
      ? sections(`${listed.join('\n')}${total > listed.length ? `\n…and ${total - listed.length} more` : ''}`)
      : []),
    ...(diff.dropped.length > 0
      ? sections(
          `*No longer in the paper:* ${diff.dropped.map((direction) => escapeMrkdwn(direction.ref)).join(', ')}`,
        )
      : []),
    ...(diff.kept.length > 0
      ? sections(
          `*Kept as the board changed them:* ${diff.kept.map((kept) => `${escapeMrkdwn(kept.direction.ref)} (${escapeMrkdwn(describeKept(kept))})`).join('; ')}`,
        )
      : []),
    ...warningsBlocks(result),
    nothing
      ? context('The register already holds this paper: there is nothing to import.')
      : actions('import.preview', [
          button('Import', 'import.confirm', confirmValue, 'primary'),
          button('Cancel', 'import.cancel', confirmValue),
        ]),
  ];
  return {
    text: `Import ${ijb.shortName} ${planYear}? ${countsLine(result)}`,
    blocks: capBlocks(blocks, 'Use `npm run import -- --dry-run` for the whole list.'),
    visibility: 'private',
  };
}

export function renderImportRefused(
  problems: { message: string; hint: string; at?: unknown }[],
  fileName: string,
): Reply {
  const lines = problems
    .slice(0, 15)
    .map((problem) => `• ${escapeMrkdwn(describeProblem(problem as never))}`);
  return {
    text: `Nothing was imported from ${fileName}: ${problems[0]?.message ?? ''}`,
    blocks: capBlocks(
      [
        ...sections(
          `:raising_hand: *Nothing was imported from ${escapeMrkdwn(fileName)}* — ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}${problems.length > lines.length ? `\n…and ${problems.length - lines.length} more` : ''}`,
        ),
        context('Correct the file and send it again.'),
      ],
      'Correct the file and send it again.',
    ),
    visibility: 'private',
  };
}

export function renderImportApplied(result: Done): Reply {
  const text =
    result.status === 'unchanged'
      ? `${result.ijb.shortName} ${result.planYear}: the register already holds this paper; nothing changed.`
      : `Imported ${result.ijb.shortName} ${result.planYear}: ${countsLine(result)}.`;
  return {
    text,
    blocks: [
      ...sections(`:white_check_mark: ${escapeMrkdwn(text)}`),
      context('Look a direction up with `/direction <ref>`.'),
    ],
    visibility: 'private',
  };
}

/** A short answer in the DM: not an admin, cancelled, no file, which year. */
export function renderImportNote(text: string, hint?: string): Reply {
  return {
    text,
    blocks: [...sections(escapeMrkdwn(text)), ...(hint ? [context(escapeMrkdwn(hint))] : [])],
    visibility: 'private',
  };
}
