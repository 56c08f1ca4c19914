import { type SettingsTable, shownDefault } from './Setting.ts';

/** A README table of settings, made from the settings themselves so the two cannot drift apart. */
export function renderSettingsTable(table: SettingsTable): string {
  const rows = Object.values(table).map((s) => {
    const shown = shownDefault(s);
    return `| \`${s.env}\` | \`--${s.flag}\` | ${shown === undefined ? '—' : `\`${shown}\``} | ${s.description} |`;
  });
  return ['| variable | flag | default | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The settings as `--help` lists them: flag, variable, meaning and default. */
export function renderSettingsHelp(table: SettingsTable): string {
  return Object.values(table)
    .map((s) => {
      const shown = shownDefault(s);
      return `  --${s.flag.padEnd(28)} ${s.env.padEnd(38)} ${s.description}${shown === undefined ? '' : ` (default ${shown})`}`;
    })
    .join('\n');
}
