import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAdminDirectory } from '../access/admins';
import { createLookupService } from '../lookup/lookup-service';
import { loadBoardReport } from '../report/report-service';
import { createDirectionSummaryStore } from '../store/direction-summary-store';
import { createImportStore } from '../store/import-store';
import { createLeadStore } from '../store/lead-store';
import type { RegisterStore } from '../store/register-store';
import { createTeamsConversationStore } from '../store/teams-conversation-store';
import { createUpdateStore } from '../store/update-store';
import {
  createTeamsAdapter,
  handleTeamsRequest,
  type TeamsAdapter,
  type TeamsAuthConfig,
  type TeamsHttpRequest,
} from '../teams/adapter';
import { createTeamsBot, type TeamsBot } from '../teams/bot';
import { teamsChannelMembership } from '../teams/channel-membership';
import { createTeamsNotifier } from '../teams/notifier';
import { proactiveSender } from '../teams/proactive';
import type { TeamsServices } from '../teams/services';
import { createCorrections } from '../updates/corrections';
import { createLeadership } from '../updates/leads';
import { createPermissions } from '../updates/permissions';
import type { PersonNotifier } from '../updates/person-notes';
import { createSignOff } from '../updates/sign-off';
import { createUpdateService } from '../updates/update-service';
import type { JobQueue } from '../work/job-queue';
import { type ProductMetrics, uncountedMetrics } from '../work/metrics';

export interface TeamsProductInput {
  auth: TeamsAuthConfig;
  store: RegisterStore;
  db: DynamoDBDocumentClient;
  tableName: string;
  clock: () => Date;
  /** The same queue as Slack's: a Teams update publishes to its Slack status card too. */
  queue: JobQueue;
  defaultIjbId: string;
  admins: readonly string[];
  metrics?: ProductMetrics;
}

export interface TeamsProduct {
  adapter: TeamsAdapter;
  bot: TeamsBot;
  services: TeamsServices;
  /** Notes to Teams users in their personal chat (sign-off requests, decisions), for the Slack product's jobs. */
  people: PersonNotifier;
  handle(request: TeamsHttpRequest): ReturnType<typeof handleTeamsRequest>;
}

/**
 * The Teams bot over the same stores and services as the Slack product: one register,
 * either surface. The same rules (src/updates/permissions.ts): lead, IJB admin, or member of the
 * direction's Teams team channel, asked of the Bot Connector (src/teams/channel-membership.ts).
 */
export function buildTeamsProduct(input: TeamsProductInput): TeamsProduct {
  const { db, tableName, store, clock } = input;
  const log = (message: string, error?: unknown) => console.error(message, error ?? '');
  const admins = createAdminDirectory(db, tableName, input.admins, input.defaultIjbId);
  const adapter = createTeamsAdapter(input.auth);
  const installs = createTeamsConversationStore(db, tableName);
  const permissions = createPermissions(
    admins,
    teamsChannelMembership({ adapter, appId: input.auth.appId ?? '', installs, clock, log }),
  );
  const updates = createUpdateStore(db, tableName);
  const service = createUpdateService({
    store,
    updates,
    summaries: createDirectionSummaryStore(db, tableName),
    permissions,
    queue: input.queue,
    clock,
    log,
    metrics: input.metrics ?? uncountedMetrics,
  });
  const lookup = createLookupService({ store, clock, defaultIjbId: input.defaultIjbId });
  const imports = createImportStore(db, tableName);
  const sources = { getIjb: store.getIjb, readYear: imports.readYear };
  const services: TeamsServices = {
    lookup,
    updates,
    service,
    corrections: createCorrections({ updates, service, clock }),
    signOff: createSignOff({ updates, service, permissions, admins, clock }),
    leadership: createLeadership({
      store,
      leads: createLeadStore(db, tableName),
      lookup,
      permissions,
      service,
    }),
    boardReport: (ijb, year) => loadBoardReport({ sources, clock }, { ijb, year }),
    installs,
    clock,
    log,
  };
  const bot = createTeamsBot(services);
  const people = createTeamsNotifier({
    send: proactiveSender(adapter, input.auth.appId ?? ''),
    installs: services.installs,
    log,
  });
  return { adapter, bot, services, people, handle: (request) => handleTeamsRequest(adapter, bot, request) };
}

/**
 * For a runtime that builds the Slack product before the Teams one (the local server): Teams
 * users are told once Teams is up; before that, or without Teams, the note is logged unsent.
 */
export function lateTeamsNotifier(teams: () => TeamsProduct | undefined): PersonNotifier {
  return {
    reaches: (userId) => userId.startsWith('aad:'),
    notify: async (userId, note) => {
      const built = teams();
      if (built) return built.people.notify(userId, note);
      console.error(`teams: not configured, so ${note.kind} for ${userId} was not sent`);
      return false;
    },
  };
}
