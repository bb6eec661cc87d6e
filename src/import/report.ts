import { describeDeadline, dueDateOf } from '../domain/deadline';
import type { IssuedDirection } from '../domain/direction';
import { issuedToText } from '../domain/ijb';
import { calendarFor } from '../register/calendars';
import type { IjbProfile } from '../register/ijb-profiles';
import type { ImportResult } from './import-paper';
import type { ImportProblem, ImportWarning } from './parse/types';
import { describeKept } from './reconcile';
import { describeLocation } from './source';
import { markChangedWords } from './word-diff';

type Done = Exclude<ImportResult, { status: 'refused' }>;

/** A direction as the dry run shows it: the paper's words and the dates they mean. */
export function directionSummary(ijb: IjbProfile, direction: IssuedDirection) {
  const calendar = calendarFor(ijb);
  return {
    ref: direction.ref,
    theme: direction.theme.name,
    ...(direction.title ? { title: direction.title } : {}),
    issuedTo: issuedToText({ ...ijb }, direction.issuedTo),
    deadlines: direction.deadlines.map((deadline) => {
      const dueDate = dueDateOf(deadline, ijb.settings.monthDeadlineRule, calendar);
      return {
        asWritten: deadline.asWritten,
        ...(dueDate ? { dueDate } : {}),
        shown: describeDeadline(deadline, dueDate),
      };
    }),
    ...(direction.theme.budget ? { budget: direction.theme.budget.asWritten } : {}),
    ...(direction.functions ? { functions: direction.functions } : {}),
    ...(direction.oversight ? { oversight: direction.oversight } : {}),
    ...(direction.link ? { link: direction.link } : {}),
    ...(direction.marker ? { marker: direction.marker } : {}),
    ...(direction.supersedes
      ? { supersedes: direction.supersedes.map((link) => `${link.ref} (${link.planYear})`) }
      : {}),
    ...(direction.form ? { form: formSummary(direction) } : {}),
    text: direction.text,
  };
}

/** A statutory form's own fields, as the dry run prints them. */
function formSummary(direction: IssuedDirection): string[] {
  const form = direction.form ?? {};
  const dated = (name: string, value: { asWritten: string; date?: string } | undefined) =>
    value ? [`${name}: ${value.asWritten}${value.date ? ` (${value.date})` : ''}`] : [];
  const budget = form.budget
    ? [
        `Budget: ${form.budget.pounds !== undefined ? `£${form.budget.pounds.toLocaleString('en-GB')}` : form.budget.asWritten.replace(/\n/g, '; ')}${
          form.budget.split
            ? ` (${form.budget.split.map((part) => `${part.to} £${(part.pounds ?? 0).toLocaleString('en-GB')}`).join(', ')})`
            : ''
        }`,
      ]
    : [];
  return [
    ...dated('Issued', form.issued),
    ...dated('Takes effect', form.effective),
    ...dated('Review', form.review),
    ...budget,
    ...(form.previous ?? []).map(
      (link) =>
        `${link.action} ${link.ref}${link.planYear ? ` (${link.planYear})` : ' (a reference: not in the register)'}`,
    ),
    ...(form.missing?.length ? [`Not on the form: ${form.missing.join(', ')}`] : []),
  ];
}

export function describeWarning(warning: ImportWarning): string {
  return `${warning.at ? `${describeLocation(warning.at)}: ` : ''}${warning.ref ? `${warning.ref}: ` : ''}${warning.message}`;
}

export function describeProblem(problem: ImportProblem): string {
  return `${problem.at ? `${describeLocation(problem.at)}: ` : ''}${problem.message}\n    → ${problem.hint}`;
}

/** Counts of what an import did or would do, for people and for the Slack summary. */
export function diffCounts(result: Done) {
  const { diff } = result;
  return {
    added: diff.added.length,
    changed: diff.changed.length,
    unchanged: diff.unchanged.length,
    notInPaper: diff.dropped.length,
    backInPaper: diff.returned.length,
    milestones: result.paper.milestones.length,
    milestonesChanged: diff.milestones.added.length + diff.milestones.removed.length,
    outcomes: result.paper.outcomes.length,
    lifecycleChanges: result.plan.lifecycles.length,
  };
}

/** The --json output: an array of directions plus warnings, and what it changes. */
export function resultJson(result: ImportResult) {
  if (result.status === 'refused')
    return {
      status: result.status,
      problems: result.problems.map((problem) => ({ ...problem, where: describeLocation(problem.at) })),
      warnings: result.warnings.map(describeWarning),
    };
  return {
    status: result.status,
    ijb: result.ijb.id,
    planYear: result.planYear,
    family: result.paper.family,
    ...(result.paper.readAs ? { readAs: result.paper.readAs } : {}),
    fromPaper: result.fromPaper,
    directions: result.paper.directions.map((direction) => directionSummary(result.ijb, direction)),
    outcomes: result.paper.outcomes.map(({ at: _at, ...outcome }) => outcome),
    milestones: result.paper.milestones.map(({ at: _at, ...milestone }) => milestone),
    warnings: result.warnings.map(describeWarning),
    diff: {
      ...diffCounts(result),
      changedRefs: result.diff.changed.map((change) => ({ ref: change.before.ref, fields: change.fields })),
      addedRefs: result.diff.added.map((direction) => direction.ref),
      notInPaperRefs: result.diff.dropped.map((direction) => direction.ref),
      kept: result.diff.kept.map((kept) => ({
        ref: kept.direction.ref,
        fields: kept.fields,
        said: describeKept(kept),
      })),
    },
  };
}

/** The terminal output: every direction on a dry run, then the diff, then the warnings. */
export function resultText(result: ImportResult): string {
  if (result.status === 'refused')
    return [
      `Nothing was imported: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}.`,
      ...result.problems.map((problem) => `  ✗ ${describeProblem(problem)}`),
      ...(result.warnings.length > 0
        ? ['', 'Also noted:', ...result.warnings.map((w) => `  ! ${describeWarning(w)}`)]
        : []),
    ].join('\n');
  const lines: string[] = [];
  const { ijb, planYear, paper } = result;
  lines.push(
    `${ijb.name} · Directions ${planYear} · ${paper.directions.length} directions (${paper.readAs ?? paper.family})`,
  );
  const fromPaper = [
    ...(result.fromPaper.ijb ? [`the IJB (${ijb.shortName}: --ijb ${ijb.id})`] : []),
    ...(result.fromPaper.planYear ? [`the year (${planYear})`] : []),
  ];
  if (fromPaper.length > 0)
    lines.push(
      `Read from the paper: ${fromPaper.join(' and ')}. ${result.status === 'dry-run' ? 'Check them before importing' : 'Pass --ijb/--year to say otherwise'}.`,
    );
  if (result.status === 'dry-run') {
    for (const direction of paper.directions) {
      const summary = directionSummary(ijb, direction);
      lines.push(
        '',
        `${summary.ref} · ${summary.theme}${summary.title && summary.title !== summary.theme ? ` · ${summary.title}` : ''}`,
      );
      lines.push(`  Issued to: ${summary.issuedTo}`);
      lines.push(`  Deadline:  ${summary.deadlines.map((d) => d.shown).join('; ') || 'none (ongoing)'}`);
      if (summary.budget) lines.push(`  Budget:    ${summary.budget} (heading)`);
      if (summary.functions) lines.push(`  Functions: ${summary.functions.join('; ')}`);
      if (summary.oversight) lines.push(`  Oversight: ${summary.oversight}`);
      if (summary.link) lines.push(`  Link:      ${summary.link}`);
      for (const fact of summary.form ?? []) lines.push(`  ${fact}`);
      if (summary.marker)
        lines.push(
          `  Marked:    ${summary.marker}${summary.supersedes ? `, replaces ${summary.supersedes.join(', ')}` : ''}`,
        );
      lines.push(`  ${direction.text.replace(/\n/g, '\n  ')}`);
    }
    if (paper.outcomes.length > 0) {
      lines.push('', `Outcomes of earlier directions: ${paper.outcomes.length}`);
      for (const outcome of paper.outcomes)
        lines.push(
          `  ${outcome.ref} (${outcome.planYear}) → ${outcome.lifecycle.state}: ${outcome.lifecycle.outcome ?? ''}`,
        );
    }
    if (paper.milestones.length > 0) {
      lines.push('', `Delivery-plan milestones: ${paper.milestones.length}`);
      for (const milestone of paper.milestones)
        lines.push(
          `  ${milestone.directions.join(', ') || '—'} · ${milestone.timeframe.asWritten || 'no timeframe'} · ${milestone.action}`,
        );
    }
  }
  const counts = diffCounts(result);
  const verb =
    result.status === 'dry-run'
      ? 'Would change'
      : result.status === 'applied'
        ? 'Changed'
        : 'Nothing to change';
  lines.push(
    '',
    `${verb}${result.diff.newYear ? ' (a new plan year)' : ''}: ${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.notInPaper} no longer in the paper${counts.backInPaper ? `, ${counts.backInPaper} back in the paper` : ''}; ${counts.milestonesChanged} milestone changes; ${counts.lifecycleChanges} lifecycle changes.`,
  );
  for (const change of result.diff.changed) {
    lines.push(`  ~ ${change.before.ref}: ${change.fields.join(', ')}`);
    // A revision as before → after, the words that changed marked.
    if (change.fields.includes('text'))
      lines.push(
        `      text: ${markChangedWords(change.before.text, change.after.text).replace(/\n/g, ' ')}`,
      );
    if (change.fields.includes('deadlines'))
      lines.push(
        `      deadlines: ${change.before.deadlines.map((d) => d.asWritten).join('; ') || 'none'} → ${change.after.deadlines.map((d) => d.asWritten).join('; ') || 'none'}`,
      );
  }
  for (const kept of result.diff.kept)
    lines.push(
      `  = ${kept.direction.ref} ${describeKept(kept)}: the paper's ${kept.fields.join(', ')} left as the board changed it`,
    );
  for (const direction of result.diff.added) if (!result.diff.newYear) lines.push(`  + ${direction.ref}`);
  for (const direction of result.diff.dropped)
    lines.push(`  - ${direction.ref} (kept, flagged: no longer in the paper)`);
  if (result.warnings.length > 0) {
    lines.push('', `Warnings (${result.warnings.length}): inferred or repaired, please check`);
    for (const warning of result.warnings) lines.push(`  ! ${describeWarning(warning)}`);
  }
  return lines.join('\n');
}
