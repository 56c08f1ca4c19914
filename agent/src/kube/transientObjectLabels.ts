/**
 * The labels that mark an object Fleetback created for the duration of an operation (a volume-copy pod, a
 * temporary snapshot) and removes afterwards. Every such object carries both; backups never take one, since
 * restoring it would resurrect half of a finished operation. The one place these labels are defined: what
 * creates transient objects applies them from here, and what skips them tests with `isTransientObject`.
 */
export const transientObjectLabels = {
  'app.kubernetes.io/part-of': 'fleetback',
  'fleetback.io/transient': 'true',
} as const;

/** Whether an object's labels mark it as one of Fleetback's own transient objects (both labels, exact values). */
export function isTransientObject(labels: Readonly<Record<string, string>> | undefined): boolean {
  if (!labels) return false;
  return Object.entries(transientObjectLabels).every(([key, value]) => labels[key] === value);
}
