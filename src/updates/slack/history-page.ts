import type { DirectionKey } from '../../domain/progress-update';
import { scopeLabel } from '../../lookup/views';
import type { Reply } from '../../slack/renderers/blocks';
import { renderProblem } from '../../slack/renderers/lists';
import type { UpdatesKit } from './kit';
import { renderHistory } from './render/history';

export const HISTORY_PAGE_SIZE = 10;

/** One page of a direction's history: one query, newest first, continuing from `cursor`. */
export async function historyPage(
  kit: UpdatesKit,
  key: DirectionKey,
  viewerId: string,
  page: number,
  cursor?: string,
): Promise<Reply> {
  const scoped = await kit.lookup.scope({ ijbId: key.ijbId, planYear: key.planYear });
  if (!scoped.ok) return renderProblem(scoped.problem);
  const found = await kit.updates.history(key, { limit: HISTORY_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
  return renderHistory({
    ref: key.ref,
    scopeLabel: scopeLabel(scoped.scope),
    ijbId: key.ijbId,
    planYear: key.planYear,
    events: found.events,
    ...(found.next ? { next: found.next } : {}),
    page,
    viewerId,
    now: kit.deps.clock(),
  });
}
