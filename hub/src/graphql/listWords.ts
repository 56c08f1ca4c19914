/**
 * Words as a sentence lists them: `a`, `a or b`, `a, b or c` (with `and` as `conjunction`, `a, b and c`).
 * API descriptions and messages that name every kind of something are written from the kinds' registry
 * with it, so a new kind shows in them without editing them.
 */
export function listWords(words: readonly string[], conjunction: 'and' | 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1)}`;
}
