const slash = 0x2f;

/**
 * Which entries a partial restore takes: each chosen path with everything under it, and the directories above
 * them (so they exist with their own metadata). No paths means the whole snapshot.
 */
export class PathSelection {
  private readonly paths: Buffer[];
  private readonly matched = new Set<number>();

  constructor(paths: readonly string[] = []) {
    this.paths = paths.map((path) => Buffer.from(path.replace(/^(\.?\/)+/, '').replace(/\/+$/, ''), 'utf8'));
  }

  /** Whether the entry at `path` is restored, and as what: itself, or only as a directory above a chosen path. */
  select(path: Buffer, isDirectory: boolean): boolean {
    if (this.paths.length === 0) return true;
    let selected = false;
    this.paths.forEach((chosen, index) => {
      if (chosen.length === 0 || within(path, chosen)) {
        this.matched.add(index);
        selected = true;
      } else if (isDirectory && (path.length === 0 || within(chosen, path))) {
        selected = true;
      }
    });
    return selected;
  }

  /** The chosen paths no entry matched, once every entry was offered. */
  unmatched(): string[] {
    return this.paths.filter((_, index) => !this.matched.has(index)).map((path) => path.toString('utf8'));
  }
}

/** Whether `path` is `base` or under it. */
function within(path: Buffer, base: Buffer): boolean {
  return path.length >= base.length && path.subarray(0, base.length).equals(base) && (path.length === base.length || path[base.length] === slash);
}
