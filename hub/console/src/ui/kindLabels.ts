/** The labels of a registry of kind views, as a select's options take them. */
export function kindLabels<K extends string>(views: Record<K, { label: string }>): Record<K, string> {
  // `Object.entries` forgets the keys' type; they are exactly the registry's kinds.
  return Object.fromEntries(Object.entries<{ label: string }>(views).map(([kind, view]) => [kind, view.label])) as Record<K, string>;
}
