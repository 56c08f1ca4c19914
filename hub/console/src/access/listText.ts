/**
 * Namespaces, cluster names and the like as a person types them: separated by commas, spaces or new lines.
 * Empty entries are dropped; order and duplicates are kept (the hub decides what it accepts).
 */
export function parseWords(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/**
 * Label selectors and argv, one per line: a selector holds commas and spaces of its own (`app=web,tier in (db)`).
 * Lines are trimmed and blank ones dropped.
 */
export function parseLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The text a form field shows for a list `parseWords` reads back. */
export function formatWords(words: readonly string[]): string {
  return words.join(', ');
}

/** The text a form field shows for a list `parseLines` reads back. */
export function formatLines(lines: readonly string[]): string {
  return lines.join('\n');
}
