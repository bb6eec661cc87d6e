import * as z from 'zod';
import { DirectionRefSchema } from '../../domain/direction';
import { normalisePlanYear, PlanYearSchema } from '../../domain/plan-year';
import type { CapabilityDeps as ProductDeps, SlackCapability, Subcommand } from '../../slack/capability';
import { context, escapeMrkdwn, type Reply, sections } from '../../slack/renderers/blocks';
import { createImportStore } from '../../store/import-store';
import { buildBoardReport, ReportError, type ReportFormat, ReportFormatSchema } from '../report-service';

export const REPORT_JOB = 'report.upload';

const ReportTicketSchema = z.object({
  ijbId: z.string(),
  planYear: PlanYearSchema,
  format: ReportFormatSchema,
  channel: z.string(),
  userId: z.string(),
});
type ReportTicket = z.infer<typeof ReportTicketSchema>;

/** Words people use for a format. */
const FORMAT_WORDS: Record<string, ReportFormat> = {
  docx: 'docx',
  word: 'docx',
  csv: 'csv',
  excel: 'csv',
  md: 'md',
  markdown: 'md',
  json: 'json',
};

/**
 * `/direction [year] report [docx|csv|md|json]`: the board paper of the year, uploaded to the
 * channel. Building Word takes about a second and uploading more: the ack says it is coming,
 * a deferred job builds and uploads it (files.uploadV2, scope files:write).
 */
export function createReportCapability(deps: ProductDeps): SlackCapability {
  const imports = createImportStore(deps.db, deps.tableName);
  const sources = { getIjb: deps.store.getIjb, readYear: imports.readYear };
  // Display names as Slack has them today, looked up for each paper (never kept in the table).
  const leadNames = async (ids: readonly string[]) => {
    const names = new Map<string, string>();
    for (const id of ids.filter((id) => /^[UW][A-Z0-9]+$/.test(id))) {
      const found = await deps.slack.users.info({ user: id }).catch(() => undefined);
      const user = found?.user;
      const name = user?.profile?.display_name || user?.real_name || user?.name;
      if (name) names.set(id, name);
    }
    return names;
  };

  const upload = async (payload: unknown) => {
    const ticket = ReportTicketSchema.parse(payload);
    try {
      const file = await buildBoardReport(
        { sources, clock: deps.clock, leadNames },
        { ijb: ticket.ijbId, year: ticket.planYear, format: ticket.format },
      );
      await deps.slack.filesUploadV2({
        channel_id: ticket.channel,
        file: Buffer.from(file.bytes),
        filename: file.filename,
        title: file.filename,
        initial_comment: `The board paper for ${ticket.planYear}, as <@${ticket.userId}> asked: ${file.filename}`,
      });
    } catch (error) {
      const problem =
        error instanceof ReportError
          ? error.message
          : 'I could not upload the board paper here. If this is a channel, invite me to it (/invite) and ask again.';
      if (!(error instanceof ReportError))
        deps.log?.(`board paper upload to ${ticket.channel} failed`, error);
      await tell(ticket, problem);
    }
  };

  const tell = (ticket: ReportTicket, text: string) =>
    deps.slack.chat.postEphemeral({ channel: ticket.channel, user: ticket.userId, text });

  const subcommand: Subcommand = {
    names: ['report'],
    help: [
      ['/direction report', 'the board paper of the year (Word) in this channel'],
      ['/direction report csv', 'the same rows as a spreadsheet (csv, md and json too)'],
    ],
    async handle(request) {
      const all = request.text.toLowerCase().split(/\s+/).filter(Boolean);
      // "report 2023-24" names the year after the word, as "2023-24 report" does before it.
      const named = all.map((word) => normalisePlanYear(word)).find(Boolean);
      const words = all.filter((word) => !normalisePlanYear(word));
      const [first] = words;
      if (first && DirectionRefSchema.safeParse(first).success)
        return note(
          `To report progress on ${first}, use \`/direction update ${first}\` or reply in its thread.`,
          '`/direction report` on its own makes the board paper.',
        );
      const format = first ? FORMAT_WORDS[first] : 'docx';
      if (!format || words.length > 1)
        return note(
          `I make the board paper as docx, csv, md or json, not "${request.text.trim()}".`,
          'Try `/direction report` (Word) or `/direction report csv`.',
        );
      const ijb = await deps.store.getIjb(deps.defaultIjbId);
      const planYear = request.planYear ?? named ?? ijb?.latestPlanYear;
      if (!ijb || !planYear) return note('There is no plan year in the register to report on yet.');
      const ticket: ReportTicket = {
        ijbId: ijb.id,
        planYear,
        format,
        channel: request.channelId,
        userId: request.userId,
      };
      await deps.queue.enqueue({ kind: REPORT_JOB, payload: ticket });
      return note(`Making the ${planYear} board paper (${format}); it will appear here in a moment.`);
    },
  };

  return { subcommands: [subcommand], jobs: { [REPORT_JOB]: upload } };
}

function note(text: string, hint?: string): Reply {
  return {
    text,
    blocks: [...sections(escapeMrkdwn(text)), ...(hint ? [context(escapeMrkdwn(hint))] : [])],
    visibility: 'private',
  };
}
