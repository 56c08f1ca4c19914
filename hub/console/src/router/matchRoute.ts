/**
 * Matches a path against a pattern of literal segments and `:name` parameters, e.g. `/clusters/:id` against
 * `/clusters/c-42` gives `{ id: 'c-42' }`. Returns undefined when it does not match; a trailing slash is
 * ignored and parameters are URI-decoded.
 */
export function matchRoute(pattern: string, path: string): Record<string, string> | undefined {
  const want = segments(pattern);
  const have = segments(path);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = have[i] as string;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (part !== actual) {
      return undefined;
    }
  }
  return params;
}

function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}
