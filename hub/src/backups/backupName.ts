import { validateName } from '../graphql/validateName.ts';

/** `-20261123-143005-123`: the UTC time to the millisecond, so names sort by age and rarely collide. */
const suffixLength = 20;

/**
 * The name of a new backup: the one given, or `namePrefix` (default `backup`) and a timestamp, as a
 * schedule names its runs. Either way a DNS label, since it becomes part of Kubernetes object names.
 */
export function backupName(
  name: string | null | undefined,
  namePrefix: string | null | undefined,
  now: Date,
): string {
  if (name) return validateName('input.name', name);
  const prefix = validateName('input.namePrefix', namePrefix || 'backup', 63 - suffixLength);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
  return `${prefix}-${stamp}`;
}
