/**
 * Maps items through an async function with at most `limit` calls in flight, keeping the order.
 * Used where one request reads many things from the service (histories, function lists) and must
 * not open them all at once.
 *
 * @example await mapLimited(arns, 6, readHistory)
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return out;
}
