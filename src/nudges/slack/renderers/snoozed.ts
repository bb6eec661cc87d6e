import { formatDay, type LocalDate } from '../../../domain/local-date';
import { type Block, context, LIMITS } from '../../../slack/renderers/blocks';

/**
 * The digest as it stands after someone snoozed one of its directions: that direction keeps
 * its [Update] button and says who snoozed it and until when, so the channel knows.
 */
export function markSnoozed(
  blocks: readonly Block[],
  blockId: string,
  snooze: { by: string; until: LocalDate },
): Block[] {
  const note = context(
    `:zzz: Snoozed here by <@${snooze.by}> until ${formatDay(snooze.until)}. The due-day reminder still comes.`,
  );
  const room = blocks.length < LIMITS.blocksPerMessage;
  return blocks.flatMap((block) => {
    if (block.type !== 'actions' || block.block_id !== blockId) return [block];
    const keep = block.elements.filter(
      (element) => !('action_id' in element && element.action_id?.startsWith('nudge.')),
    );
    return room && keep.length > 0 ? [{ ...block, elements: keep }, note] : [note];
  });
}

export function snoozeConfirmation(ref: string, until: LocalDate): string {
  return `:zzz: ${ref} is snoozed in this channel until ${formatDay(until)}. Its due-day reminder still comes.`;
}
