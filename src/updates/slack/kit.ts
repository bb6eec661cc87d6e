import { createLookupService, type LookupService } from '../../lookup/lookup-service';
import type { CapabilityDeps } from '../../slack/capability';
import { createConversationStore } from '../../store/conversation-store';
import { createDirectionSummaryStore } from '../../store/direction-summary-store';
import { createLeadStore } from '../../store/lead-store';
import { createStatusCardStore } from '../../store/status-card-store';
import { createUpdateStore, type UpdateStore } from '../../store/update-store';
import { type Conversations, createConversations } from '../conversation-service';
import { type Corrections, createCorrections } from '../corrections';
import { createLeadership, type Leadership } from '../leads';
import { createPermissions, type Permissions } from '../permissions';
import { createSignOff, type SignOffService } from '../sign-off';
import { createUpdateService, type UpdateService } from '../update-service';
import { createChannelMembership } from './channel-membership';
import { createPublisher, type Publisher } from './publisher';

/** Everything the updates capability is made of, built once from the product's dependencies. */
export interface UpdatesKit {
  deps: CapabilityDeps;
  lookup: LookupService;
  updates: UpdateStore;
  permissions: Permissions;
  service: UpdateService;
  corrections: Corrections;
  signOff: SignOffService;
  conversationFlow: Conversations;
  leadership: Leadership;
  publisher: Publisher;
  log: (message: string, error?: unknown) => void;
}

export function buildUpdatesKit(deps: CapabilityDeps): UpdatesKit {
  const { db, tableName, store, clock, slack } = deps;
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));
  const lookup = createLookupService({ store, clock, defaultIjbId: deps.defaultIjbId });
  const updates = createUpdateStore(db, tableName);
  const leads = createLeadStore(db, tableName);
  const permissions = createPermissions(
    deps.admins,
    createChannelMembership(slack, { log: (message) => log(message) }),
  );
  const service = createUpdateService({
    store,
    updates,
    summaries: createDirectionSummaryStore(db, tableName),
    permissions,
    queue: deps.queue,
    clock,
    log,
    metrics: deps.metrics,
  });
  return {
    deps,
    lookup,
    updates,
    permissions,
    service,
    corrections: createCorrections({ updates, service, clock }),
    signOff: createSignOff({ updates, service, permissions, admins: deps.admins, clock }),
    conversationFlow: createConversations({
      conversations: createConversationStore(db, tableName),
      threadAnchors: deps.threadAnchors,
      store,
      updates,
      leads,
      lookup,
      permissions,
      service,
      clock,
    }),
    leadership: createLeadership({ store, leads, lookup, permissions, service }),
    publisher: createPublisher({
      slack,
      store,
      updates,
      cards: createStatusCardStore(db, tableName),
      admins: deps.admins,
      threadAnchors: deps.threadAnchors,
      lookup,
      service,
      clock,
      log,
      people: deps.people,
    }),
    log,
  };
}
