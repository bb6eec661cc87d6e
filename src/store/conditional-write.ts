/**
 * Conditional writes are how the register stays right without transactions (dynalite has
 * none): a create-once put, a version-checked update. A failed condition is an answer, not
 * an error — these turn it into `false`.
 */
export function isConditionFailure(error: unknown): boolean {
  return (error as Error)?.name === 'ConditionalCheckFailedException';
}

/** True when the write was made, false when its condition did not hold; other failures throw. */
export async function written(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'type'];

/** An item without its table keys: what the domain schema parses. */
export function stripKeys(item: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...item };
  for (const name of KEY_ATTRIBUTES) delete rest[name];
  return rest;
}
