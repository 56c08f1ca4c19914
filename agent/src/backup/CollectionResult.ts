/** One thing that went wrong or looked wrong while collecting, with where it happened. */
export interface CollectionProblem {
  message: string;
  /** The type by `kubectl api-resources` name, when the problem concerns one. */
  resource?: string;
  namespace?: string;
  name?: string;
}

/**
 * The running account of a collection: how many items of each type were taken, and every warning and
 * error. Partial failure is data: a type that cannot be listed becomes an error here and the collection
 * carries on with the next, so the backup can end `PartiallyFailed` with the list rather than fail whole.
 */
export class CollectionResult {
  readonly warnings: CollectionProblem[] = [];
  readonly errors: CollectionProblem[] = [];
  /** Items taken, by type name (`deployments.apps`). Prototype-free, so any type name is a plain key. */
  readonly counts: Record<string, number> = Object.create(null) as Record<string, number>;

  warn(problem: CollectionProblem): void {
    this.warnings.push(problem);
  }

  fail(problem: CollectionProblem): void {
    this.errors.push(problem);
  }

  /** The kind of each type counted (`deployments.apps` → `Deployment`). */
  readonly kinds: Record<string, string> = Object.create(null) as Record<string, string>;

  counted(resource: string, kind: string): void {
    this.counts[resource] = (this.counts[resource] ?? 0) + 1;
    this.kinds[resource] = kind;
  }

  get phase(): 'Completed' | 'PartiallyFailed' {
    return this.errors.length > 0 ? 'PartiallyFailed' : 'Completed';
  }
}
