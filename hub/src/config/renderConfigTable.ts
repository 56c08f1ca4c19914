import { renderSettingsTable } from '#schema/settings/renderSettingsTable';
import { settings } from './settings.ts';

/** The README's hub configuration table, made from the settings themselves so the two cannot drift apart. */
export function renderConfigTable(): string {
  return renderSettingsTable(settings);
}
