import { parseArgs } from 'node:util';
import * as z from 'zod';
import { LocalDateSchema } from '../domain/local-date';
import type { NudgeRunReport } from '../nudges/slack/run';
import { renderBlocksAsText } from './block-text';

const NudgeArgsSchema = z.object({
  date: LocalDateSchema.optional(),
  dryRun: z.boolean(),
  json: z.boolean(),
});
export type NudgeArgs = z.infer<typeof NudgeArgsSchema>;

export const NUDGE_USAGE = 'Usage: npm run nudge -- [--date YYYY-MM-DD] [--dry-run] [--json]';

export class NudgeArgsError extends Error {
  override name = 'NudgeArgsError';
}

/** `--date 2023-12-22 --dry-run --json`, checked: a wrong date says what to type instead. */
export function parseNudgeArgs(argv: readonly string[]): NudgeArgs {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        date: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new NudgeArgsError(`${(error as Error).message}\n${NUDGE_USAGE}`);
  }
  const parsed = NudgeArgsSchema.safeParse({
    date: values.date,
    dryRun: values['dry-run'],
    json: values.json,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`);
    throw new NudgeArgsError(`${problems.join('; ')} (got ${JSON.stringify(values.date)}).\n${NUDGE_USAGE}`);
  }
  return parsed.data;
}

/** The run as JSON: per digest its channel, the directions and milestones in it, and the day. */
export function reportAsJson(report: NudgeRunReport): string {
  return JSON.stringify(
    {
      date: report.day,
      dryRun: report.dryRun,
      digests: report.digests.map(({ channel, day, items, messages, outcome, error }) => ({
        channel,
        date: day,
        refs: [...new Set(items.map((item) => item.ref))],
        items: items.map(({ ijbId, planYear, ref, milestone, dueDate }) => ({
          ijbId,
          planYear,
          ref,
          milestone,
          dueDate,
        })),
        messages,
        outcome,
        ...(error ? { error } : {}),
      })),
      unrouted: report.unrouted,
      ijbs: report.ijbs,
    },
    null,
    2,
  );
}

/** The run for people: each digest as Slack would show it (dry run) or what became of it. */
export function reportAsText(report: NudgeRunReport, color = false): string {
  const lines: string[] = [];
  const closed = report.ijbs.filter((ijb) => !ijb.workingDay).map((ijb) => ijb.ijbId);
  if (closed.length > 0)
    lines.push(`${report.day} is not a working day for ${closed.join(', ')}: no reminders.`);
  if (report.digests.length === 0) lines.push(`Nothing to send on ${report.day}.`);
  for (const digest of report.digests) {
    const refs = [...new Set(digest.items.map((item) => item.ref))];
    lines.push(
      '',
      `=== ${digest.channel} · ${digest.day} · ${refs.length} direction${refs.length === 1 ? '' : 's'} · ${digest.outcome}${digest.error ? ` (${digest.error})` : ''}`,
    );
    for (const message of digest.preview ?? []) lines.push(renderBlocksAsText(message, { color }).text, '');
  }
  if (report.unrouted.length > 0) {
    const refs = [...new Set(report.unrouted.map((u) => `${u.ref} (${u.milestone})`))];
    lines.push(
      '',
      `No channel follows ${refs.join(', ')}: give them a team channel, or run \`/direction subscribe all\` in a channel.`,
    );
  }
  return lines.join('\n').trim();
}
