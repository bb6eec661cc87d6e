/** Writes in flight at once for one-item writes (conditional puts and updates): paced like batchWrite. */
export const WRITES_IN_FLIGHT = 8;

/** Runs `write` for every item, at most `limit` at a time; the first failure stops the rest. */
export async function eachPaced<T>(
  items: readonly T[],
  write: (item: T) => Promise<unknown>,
  limit = WRITES_IN_FLIGHT,
): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await write(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
