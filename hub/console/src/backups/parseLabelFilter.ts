export type LabelFilterResult =
  | { ok: true; labels: { key: string; value: string }[] }
  | { ok: false; error: string };

/**
 * Labels typed as `key=value` pairs separated by commas (`app=shop, tier=db`), as the backups list filters
 * by them: every pair must match. Blank text is no filter. Only equality is offered because that is what the
 * API's `BackupFilter.labels` matches; anything else is refused with a message naming the offending part.
 */
export function parseLabelFilter(text: string): LabelFilterResult {
  const labels: { key: string; value: string }[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (!part) continue;
    const at = part.indexOf('=');
    const key = at < 0 ? '' : part.slice(0, at).trim();
    const value = at < 0 ? '' : part.slice(at + 1).trim();
    if (!key || value.includes('=') || /\s/.test(key) || /\s/.test(value) || key.endsWith('!')) {
      return { ok: false, error: `“${part}” is not key=value` };
    }
    labels.push({ key, value });
  }
  return { ok: true, labels };
}
