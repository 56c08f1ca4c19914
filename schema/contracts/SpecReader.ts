import { UnknownVersionError } from './UnknownVersionError.ts';
import { WireError } from './WireError.ts';

/** Checks one value; returns a problem, or undefined when it is valid. */
export type Check = (value: string) => string | undefined;

/**
 * Reads the fields of a value that arrived as untyped JSON (a GraphQL input, a job payload, an agent message),
 * checking each one's type and naming the field, under `path`, in the `WireError` it throws. Absent optional
 * fields take their defaults.
 */
export class SpecReader {
  private constructor(
    private readonly value: Record<string, unknown>,
    private readonly path: string,
  ) {}

  static of(value: unknown, path = ''): SpecReader {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new WireError(path || 'spec', 'must be an object');
    }
    return new SpecReader(value as Record<string, unknown>, path);
  }

  field(name: string): string {
    return this.path ? `${this.path}.${name}` : name;
  }

  private raw(name: string): unknown {
    const v = this.value[name];
    return v === null ? undefined : v;
  }

  /** The field's value as sent (null read as absent), for a parser of its own: `parseBackupSpec(r.get('spec'))`. */
  get(name: string): unknown {
    return this.raw(name);
  }

  /** A reader of the field, which must be an object. */
  object(name: string): SpecReader {
    return SpecReader.of(this.raw(name), this.field(name));
  }

  /** A required, non-empty string. */
  string(name: string, check?: Check): string {
    const v = this.raw(name);
    if (typeof v !== 'string' || v.length === 0)
      throw new WireError(this.field(name), 'must be a non-empty string');
    const problem = check?.(v);
    if (problem) throw new WireError(this.field(name), problem);
    return v;
  }

  optionalString(name: string, check?: Check): string | null {
    return this.raw(name) === undefined ? null : this.string(name, check);
  }

  boolean(name: string, fallback: boolean): boolean {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') throw new WireError(this.field(name), 'must be true or false');
    return v;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      throw new WireError(this.field(name), `must be one of ${allowed.join(', ')}`);
    }
    return v as T;
  }

  /**
   * The contract's `version`, absent meaning 1 (the first version carried none). A whole number outside `known`
   * throws `UnknownVersionError`: a newer writer made the value, and only an upgraded reader may read it.
   */
  version<V extends number>(contract: string, known: readonly V[]): V {
    const v = this.raw('version') ?? 1;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
      throw new WireError(this.field('version'), 'must be a whole number from 1');
    }
    if (!(known as readonly number[]).includes(v)) throw new UnknownVersionError(this.field('version'), contract, v, known);
    return v as V;
  }

  /** A whole number in [min, max]. */
  integer(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new WireError(this.field(name), `must be a whole number from ${min} to ${max}`);
    }
    return v;
  }

  /** A list of distinct strings, each passing `check`; absent means empty. */
  stringList(name: string, check?: Check): string[] {
    const v = this.raw(name);
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new WireError(this.field(name), 'must be a list of strings');
    const seen = new Set<string>();
    return v.map((item, i) => {
      const at = `${this.field(name)}[${i}]`;
      if (typeof item !== 'string') throw new WireError(at, 'must be a string');
      const problem = check?.(item);
      if (problem) throw new WireError(at, problem);
      if (seen.has(item)) throw new WireError(at, `'${item}' is listed twice`);
      seen.add(item);
      return item;
    });
  }

  /** A string-to-string map whose keys and values pass their checks; absent means empty. */
  stringMap(name: string, checkKey: Check, checkValue: Check): Record<string, string> {
    const v = this.raw(name);
    if (v === undefined) return {};
    if (typeof v !== 'object' || Array.isArray(v)) {
      throw new WireError(this.field(name), 'must be a map of strings');
    }
    const map: Record<string, string> = {};
    for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
      const at = `${this.field(name)}.${key}`;
      const problem = checkKey(key) ?? (typeof value === 'string' ? checkValue(value) : 'must be a string');
      if (problem) throw new WireError(at, problem);
      map[key] = value as string;
    }
    return map;
  }

  /** A required string that may be empty, such as a key prefix whose empty value means the root. */
  stringOrEmpty(name: string): string {
    const v = this.raw(name);
    if (typeof v !== 'string') throw new WireError(this.field(name), 'must be a string');
    return v;
  }

  /** The object under `name`, read by its own reader, or null when absent. */
  optionalObject(name: string): SpecReader | null {
    return this.raw(name) === undefined ? null : SpecReader.of(this.raw(name), this.field(name));
  }

  /** Fails when a value is both included and excluded: the spec would contradict itself. */
  disjoint(includeName: string, include: readonly string[], exclude: readonly string[]): void {
    const both = include.find((v) => exclude.includes(v));
    if (both !== undefined)
      throw new WireError(this.field(includeName), `'${both}' is both included and excluded`);
  }
}
