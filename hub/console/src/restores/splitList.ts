/**
 * A list typed into one field: names separated by commas, spaces or new lines (namespace names, patterns and
 * resource types contain none), trimmed, without blanks and duplicates, in the order typed.
 */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

/**
 * One entry per line, for values that may contain commas and spaces themselves: a label selector such as
 * `app=shop,tier in (web, api)` is one line.
 */
export function splitLines(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}
