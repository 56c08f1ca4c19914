const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * A size as a person reads it: binary units (as Kubernetes quantities like `10Gi` are), one decimal below 10
 * of a unit, none above: "0 B", "812 B", "1.5 KiB", "37 MiB", "2 GiB". Negative or non-finite sizes read "—".
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  // Rounding may reach 1024 of a unit ("1024 KiB"): then it is one of the next.
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  if (shown >= 1024 && unit < units.length - 1) return `1 ${units[unit + 1]}`;
  return `${shown} ${units[unit]}`;
}
