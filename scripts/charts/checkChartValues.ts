import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadYaml } from '@kubernetes/client-node';
import type { JsonSchema } from './buildValuesSchemas.ts';

/** Every `.Values.a.b` path a template text uses (`$.Values` included), in order of appearance, deduplicated. */
export function templateValuePaths(text: string): string[] {
  const paths = [...text.matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)].map((m) => m[1]!.slice(1));
  return [...new Set(paths)];
}

/** The paths used by the chart's templates that values.yaml does not define, each as `file: path`. */
export function undefinedValuePaths(chartDir: string): string[] {
  const values = loadYaml<Record<string, unknown>>(readFileSync(join(chartDir, 'values.yaml'), 'utf8'));
  const missing: string[] = [];
  for (const file of readdirSync(join(chartDir, 'templates')).sort()) {
    for (const path of templateValuePaths(readFileSync(join(chartDir, 'templates', file), 'utf8'))) {
      let node: unknown = values;
      for (const key of path.split('.')) {
        node = node !== null && typeof node === 'object' && key in node ? (node as Record<string, unknown>)[key] : undefined;
        if (node === undefined) break;
      }
      if (node === undefined) missing.push(`${file}: ${path}`);
    }
  }
  return missing;
}

/** Sections whose properties values.yaml may leave out: `config` states only what differs from the defaults. */
const sparseSections: ReadonlySet<string> = new Set(['values.config']);

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Where `value` and `schema` disagree: a wrong type, a value outside an enum, or — in a section that lists
 * its properties — a key the schema lacks or a listed key the values lack (values.yaml states every default).
 * Not a JSON Schema validator: just enough to keep values.yaml and the generated schema in step.
 */
export function valuesSchemaMismatches(value: unknown, schema: JsonSchema, at = 'values'): string[] {
  const problems: string[] = [];
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length && !types.includes(typeOf(value))) problems.push(`${at}: ${typeOf(value)}, schema says ${types.join('|')}`);
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} is not in the schema's enum`);
  if (schema.properties && typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const child = schema.properties[key];
      if (child) problems.push(...valuesSchemaMismatches(object[key], child, `${at}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${at}.${key}: not in the schema`);
    }
    for (const key of Object.keys(schema.properties)) {
      if (!(key in object) && key !== 'global' && !sparseSections.has(at)) problems.push(`${at}.${key}: in the schema, not in values.yaml`);
    }
  }
  return problems;
}
