/**
 * A location's key prefix: maps the keys callers use (relative to the location) onto the store's full object
 * names and back, and rejects keys that could escape the prefix or that stores disagree about.
 */
export class KeyPrefix {
  /** `''` or the prefix with exactly one trailing `/`, so `prod` never sees the objects of `prod-old`. */
  readonly #root: string;

  constructor(prefix: string) {
    // The hub stores prefixes without slashes at either end; be lenient with ones that come otherwise.
    const trimmed = prefix.replace(/^\/+|\/+$/g, '');
    if (trimmed) checkSegments(trimmed, `location prefix '${prefix}'`);
    this.#root = trimmed ? `${trimmed}/` : '';
  }

  /** The prefix without a trailing slash, `''` for none: for `describe()`. */
  get path(): string {
    return this.#root.slice(0, -1);
  }

  /** The full object name of `key`; throws `RangeError` for an invalid key. */
  full(key: string): string {
    if (key === '') throw new RangeError('an object key must not be empty');
    checkSegments(key, `object key '${key}'`);
    return this.#root + key;
  }

  /**
   * The full name prefix to list for a caller's list prefix. Its last segment may be partial (`backups/b1`
   * matches `backups/b10`) and it may be empty or end in `/`; the segments before the last must be valid.
   */
  fullListPrefix(prefix: string): string {
    const slash = prefix.lastIndexOf('/');
    if (slash >= 0) checkSegments(prefix.slice(0, slash), `list prefix '${prefix}'`);
    if (hasControl(prefix)) throw new RangeError(`list prefix '${prefix}' must not contain control characters`);
    return this.#root + prefix;
  }

  /** The caller's key for a full object name the store listed under this prefix. */
  relative(fullName: string): string {
    if (!fullName.startsWith(this.#root)) {
      throw new RangeError(`'${fullName}' is not under the location prefix '${this.path}'`);
    }
    return fullName.slice(this.#root.length);
  }
}

// Empty, `.` and `..` segments are normalized away by file systems and some S3 proxies, so `a//b` and `a/b`
// could be one object on one store and two on another; `..` could also leave the prefix on a filesystem.
function checkSegments(path: string, what: string): void {
  if (path.startsWith('/')) throw new RangeError(`${what} must be relative (no leading '/')`);
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') {
      throw new RangeError(`${what} must not have empty, '.' or '..' segments`);
    }
  }
  if (hasControl(path)) throw new RangeError(`${what} must not contain control characters`);
}

function hasControl(text: string): boolean {
  return /\p{Cc}/u.test(text);
}
