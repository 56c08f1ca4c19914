/**
 * Maps `source` through `map` with up to `window` calls in flight, yielding results in the source's order,
 * so a slow item delays what follows it in the output but not the work on it.
 */
export async function* orderedMap<T, R>(source: AsyncIterable<T>, window: number, map: (item: T) => Promise<R>): AsyncGenerator<R> {
  const inFlight: Promise<R>[] = [];
  for await (const item of source) {
    const result = map(item);
    // Awaited in order below; until then a rejection must not count as unhandled.
    result.catch(() => undefined);
    inFlight.push(result);
    if (inFlight.length >= window) yield await (inFlight.shift() as Promise<R>);
  }
  while (inFlight.length > 0) yield await (inFlight.shift() as Promise<R>);
}
