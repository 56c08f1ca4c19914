import { settings } from './settings.ts';

/** The README's configuration table, made from the settings themselves so the two cannot drift apart. */
export function renderConfigTable(): string {
  const rows = Object.values(settings).map((s) => {
    const fallback = s.defaultValue;
    const shown =
      fallback === undefined
        ? '—'
        : Array.isArray(fallback)
          ? fallback.length
            ? fallback.join(',')
            : '—'
          : String(fallback);
    return `| \`${s.env}\` | \`--${s.flag}\` | ${shown === '—' ? shown : `\`${shown}\``} | ${s.description} |`;
  });
  return ['| variable | flag | default | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
