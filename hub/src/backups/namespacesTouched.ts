/**
 * The namespaces an operation reads or writes, for `authorize`: the listed names or patterns, or `*` when the
 * list is empty (all namespaces). `*` is no namespace name, so only a grant that covers every namespace
 * covers it; a pattern like `shop-*` is covered by a grant pattern that matches it literally (`shop-*`, `s*`).
 */
export function namespacesTouched(include: readonly string[]): string[] {
  return include.length > 0 ? [...include] : ['*'];
}
