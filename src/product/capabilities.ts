import { createChangeCapability } from '../changes/slack/change-capability';
import { createHomeCapability } from '../home/slack/capability';
import { createImportCapability } from '../import/slack/import-capability';
import { createNudgesCapability } from '../nudges/slack/capability';
import { createReportCapability } from '../report/slack/report-capability';
import { createReviewCapability } from '../review/slack/review-capability';
import type { CapabilityDeps, SlackCapability } from '../slack/capability';
import { createUpdatesCapability } from '../updates/slack/capability';
import { createWebShareCapability } from '../web/slack/share-capability';
import { createUnfurlCapability } from '../web/slack/unfurl-capability';
import type { JobHandlers } from '../work/job-queue';

/** The root hands every capability the same deps; each capability names what it needs (CapabilityDeps). */
export type ProductDeps = CapabilityDeps;

/** The product's capabilities beyond lookups, each in its own folder of src/. */
export function createCapabilities(deps: ProductDeps): SlackCapability[] {
  return [
    createImportCapability(deps),
    createNudgesCapability(deps),
    createUpdatesCapability(deps),
    createReportCapability(deps),
    createReviewCapability(deps),
    createChangeCapability(deps),
    ...(deps.web
      ? [
          createWebShareCapability({ ...deps.web, admins: deps.admins, defaultIjbId: deps.defaultIjbId }),
          createUnfurlCapability({ ...deps, publicUrl: deps.web.publicUrl }),
        ]
      : []),
    createHomeCapability(deps),
  ];
}

export function jobHandlersOf(capabilities: readonly SlackCapability[]): JobHandlers {
  return Object.assign({}, ...capabilities.map((capability) => capability.jobs ?? {}));
}
