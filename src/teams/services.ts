import type { LookupService } from '../lookup/lookup-service';
import type { TeamsConversationStore } from '../store/teams-conversation-store';
import type { UpdateStore } from '../store/update-store';
import type { Corrections } from '../updates/corrections';
import type { Leadership } from '../updates/leads';
import type { SignOffService } from '../updates/sign-off';
import type { UpdateService } from '../updates/update-service';
import type { BoardReportReader } from './report';

/** The same services the Slack bot is built on (src/product builds both from one set of stores). */
export interface TeamsServices {
  lookup: LookupService;
  updates: UpdateStore;
  service: UpdateService;
  corrections: Corrections;
  signOff: SignOffService;
  leadership: Leadership;
  /** The board paper's view of one IJB's year (the summary card answers `report`). */
  boardReport: BoardReportReader;
  installs: TeamsConversationStore;
  clock: () => Date;
  log: (message: string, error?: unknown) => void;
}

/** Teams users are AAD object ids, prefixed so they can never equal a Slack user id. */
export function teamsUserId(aadObjectId: string): string {
  return `aad:${aadObjectId}`;
}
