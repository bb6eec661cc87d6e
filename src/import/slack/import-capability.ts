import { createHash } from 'node:crypto';
import { IJB_PROFILES } from '../../register/ijb-profiles';
import type { CapabilityDeps, SlackCapability, Subcommand } from '../../slack/capability';
import type { Reply } from '../../slack/renderers/blocks';
import {
  renderImportApplied,
  renderImportNote,
  renderImportPreview,
  renderImportRefused,
} from '../../slack/renderers/import-summary';
import type { SlackRouter } from '../../slack/router';
import { createImportStore } from '../../store/import-store';
import { type ImportTicket, ImportTicketSchema, targetOf } from './import-target';
import { fetchSlackFile } from './slack-file';

export const IMPORT_ACTIONS = { confirm: 'import.confirm', cancel: 'import.cancel' } as const;
export const IMPORT_JOBS = { preview: 'import.preview', apply: 'import.apply' } as const;

const HOW =
  'Send me the Directions paper in a direct message — .docx, .pdf, .txt/.md, or the canonical .csv/.json — with the IJB and year if they are not the usual, like `east-lothian 2019-20`. I read it, show you what I found and what it would change, and import it only when you press Import.';

/**
 * Importing a paper from Slack: an admin sends the file to the bot in a direct message; the bot
 * reads it (a deferred job: downloads and parsing outlast Slack's 3 s), replies with the dry
 * run and Import / Cancel buttons; Import runs the same import as `npm run import`.
 * Slack needs: the message.im event, files:read, chat:write, im:history, and the App Home
 * Messages tab turned on.
 */
export function createImportCapability(deps: CapabilityDeps): SlackCapability {
  const importDeps = {
    store: deps.store,
    imports: createImportStore(deps.db, deps.tableName),
    clock: deps.clock,
    ...(deps.paperReader ? { reader: deps.paperReader } : {}),
  };
  const knownIjbs = [...new Set([...Object.keys(IJB_PROFILES), deps.defaultIjbId])];

  const post = async (channel: string, reply: Reply) => {
    await deps.slack.chat.postMessage({ channel, text: reply.text, blocks: reply.blocks });
  };
  const notAdmin = (ijbId: string) =>
    renderImportNote(
      `Only admins of ${IJB_PROFILES[ijbId]?.name ?? ijbId} can import its Directions papers, and you are not one. Nothing was read or changed.`,
      'Ask your IJB’s strategic planning officer to import it, or to make you an admin.',
    );

  const fetchTicketFile = async (ticket: ImportTicket) => {
    return fetchSlackFile(deps.slack, ticket.fileId);
  };

  // The importer (parsers, PDF and Word readers) runs only in these deferred jobs: loaded on
  // first use, it stays out of the Slack function's cold start (its own chunk on Lambda).
  const importer = () => import('../import-paper');

  const preview = async (payload: unknown) => {
    const ticket = ImportTicketSchema.parse(payload);
    const file = await fetchTicketFile(ticket);
    if (!file.ok) return post(ticket.channel, renderImportNote(file.reason));
    // Reading the file for its year is reading it: bounded and in the reader (a worker locally).
    const reader = deps.paperReader ?? (await import('../read-paper')).inProcessReader;
    const year = ticket.planYear ? undefined : await reader.yearOf(file.bytes, file.name);
    if (year && !year.ok) return post(ticket.channel, renderImportRefused([year.problem], file.name));
    const planYear = ticket.planYear ?? year?.year;
    if (!planYear)
      return post(
        ticket.channel,
        renderImportNote(
          `Which plan year is ${file.name}? It does not say in its title.`,
          'Send it again with the year in the message, like `2023-24`.',
        ),
      );
    const { importPaper } = await importer();
    const result = await importPaper(importDeps, {
      bytes: file.bytes,
      fileName: file.name,
      ijbId: ticket.ijbId,
      planYear,
      dryRun: true,
      by: ticket.userId,
    });
    if (result.status === 'refused')
      return post(ticket.channel, renderImportRefused(result.problems, file.name));
    const confirm: ImportTicket = { ...ticket, planYear, sha256: result.sha256 };
    return post(ticket.channel, renderImportPreview(result, file.name, JSON.stringify(confirm)));
  };

  const apply = async (payload: unknown) => {
    const ticket = ImportTicketSchema.parse(payload);
    if (!(await deps.admins.isAdmin(ticket.ijbId, ticket.userId)))
      return post(ticket.channel, notAdmin(ticket.ijbId));
    const file = await fetchTicketFile(ticket);
    if (!file.ok) return post(ticket.channel, renderImportNote(file.reason));
    // The content previewed is the content imported: compared before anything is written.
    if (createHash('sha256').update(file.bytes).digest('hex') !== ticket.sha256)
      return post(
        ticket.channel,
        renderImportNote(
          `${file.name} changed since you previewed it. Send it again to see what it would change.`,
        ),
      );
    const { importPaper } = await importer();
    let result: Awaited<ReturnType<typeof importPaper>>;
    try {
      result = await importPaper(importDeps, {
        bytes: file.bytes,
        fileName: file.name,
        ijbId: ticket.ijbId,
        planYear: ticket.planYear ?? '',
        dryRun: false,
        by: ticket.userId,
      });
    } catch (error) {
      // A report, never a stack trace: the year stays not live, and pressing Import again completes it.
      deps.log?.(`import of ${file.name} stopped`, error);
      return post(
        ticket.channel,
        renderImportNote(
          `The import of ${file.name} stopped before it finished (${String((error as Error)?.message ?? error).slice(0, 200)}). Nothing half-done is shown: the year stays as it was until the import completes.`,
          'Press Import again (or send the paper again) to complete it.',
        ),
      );
    }
    if (result.status === 'refused')
      return post(ticket.channel, renderImportRefused(result.problems, file.name));
    return post(ticket.channel, renderImportApplied(result));
  };

  const subcommand: Subcommand = {
    names: ['import'],
    help: [['/direction import', 'how an admin loads a Directions paper: send it to me in a direct message']],
    async handle(request) {
      const admin = await deps.admins.isAdmin(deps.defaultIjbId, request.userId);
      return renderImportNote(
        HOW,
        admin ? undefined : 'Importing is for IJB admins; you can still look everything up with /direction.',
      );
    },
  };

  return {
    subcommands: [subcommand],
    jobs: {
      [IMPORT_JOBS.preview]: preview,
      [IMPORT_JOBS.apply]: apply,
    },
    register(app: SlackRouter) {
      app.event('message', async ({ event, client, context, logger }) => {
        const message = event as {
          channel_type?: string;
          files?: { id: string; name?: string | null }[];
          user?: string;
          bot_id?: string;
          channel: string;
          text?: string;
        };
        if (message.channel_type !== 'im' || !message.files?.length || !message.user || message.bot_id)
          return;
        // Slack retries an event it thinks went unanswered; the first delivery already queued the work.
        if (context.retryNum) return;
        const target = targetOf(message.text ?? '', knownIjbs);
        const ijbId = target.ijbId ?? deps.defaultIjbId;
        const say = (reply: Reply) =>
          client.chat.postMessage({ channel: message.channel, text: reply.text, blocks: reply.blocks });
        if (!(await deps.admins.isAdmin(ijbId, message.user))) {
          await say(notAdmin(ijbId));
          return;
        }
        const [file] = message.files;
        if (!file) return;
        await say(
          renderImportNote(
            `Reading ${file.name ?? 'the file'}…${message.files.length > 1 ? ' (one paper at a time: the others are left unread)' : ''}`,
          ),
        );
        await deps.queue.enqueue({
          kind: IMPORT_JOBS.preview,
          payload: {
            fileId: file.id,
            ijbId,
            ...(target.planYear ? { planYear: target.planYear } : {}),
            userId: message.user,
            channel: message.channel,
          },
        });
        logger.debug(`import preview queued for ${file.id}`);
      });

      app.action(IMPORT_ACTIONS.confirm, async ({ ack, body, respond }) => {
        await ack();
        const ticket = ImportTicketSchema.safeParse(safeJson(body.actions[0]?.value));
        if (!ticket.success) {
          await respond({
            replace_original: false,
            text: 'That button is from a message I can no longer read. Send the paper again.',
          });
          return;
        }
        if (!(await deps.admins.isAdmin(ticket.data.ijbId, body.user.id))) {
          await respond({ replace_original: false, ...asMessage(notAdmin(ticket.data.ijbId)) });
          return;
        }
        await respond({
          replace_original: true,
          ...asMessage(renderImportNote('Importing… I will say here when it is done.')),
        });
        await deps.queue.enqueue({
          kind: IMPORT_JOBS.apply,
          payload: { ...ticket.data, userId: body.user.id },
        });
      });

      app.action(IMPORT_ACTIONS.cancel, async ({ ack, respond }) => {
        await ack();
        await respond({
          replace_original: true,
          ...asMessage(renderImportNote('Cancelled: nothing was imported.')),
        });
      });
    },
  };
}

function asMessage(reply: Reply) {
  return { text: reply.text, blocks: reply.blocks };
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}
