import type { Mapping } from './CreateRestoreInput.ts';
import type { FormProblem } from './FormProblem.ts';
import type { MappingRow } from './MappingRow.ts';

export interface MappingRules {
  /** The input field's name, which also prefixes the problems' keys: `namespaceMapping`. */
  field: string;
  /** "namespace", "storage class" */
  noun: string;
  isValid(name: string): boolean;
}

/**
 * Turns a mapping editor's rows into the API's list. A row left blank, or naming only its source (it keeps
 * its name), maps nothing; a row onto itself is dropped. Problems name the row's control: a target without a
 * source, a name that is not valid, a source mapped twice, and two sources into one target (which would
 * merge them, the second overwriting the first).
 */
export function mappingOf(rows: readonly MappingRow[], rules: MappingRules): { mapping: Mapping[]; problems: FormProblem[] } {
  const mapping: Mapping[] = [];
  const problems: FormProblem[] = [];
  const sources = new Map<string, number>();
  const targets = new Map<string, string>();
  for (const [i, row] of rows.entries()) {
    const from = row.from.trim();
    const to = row.to.trim();
    const at = (side: 'from' | 'to', message: string) => problems.push({ field: `${rules.field}.${i}.${side}`, message });
    if (!from) {
      if (to) at('from', `Row ${i + 1}: name the source ${rules.noun} that becomes '${to}'.`);
      continue;
    }
    if (!rules.isValid(from)) {
      at('from', `Row ${i + 1}: '${from}' is not a valid ${rules.noun} name.`);
      continue;
    }
    if (sources.has(from)) {
      at('from', `Row ${i + 1}: ${rules.noun} '${from}' is already mapped in row ${(sources.get(from) as number) + 1}.`);
      continue;
    }
    sources.set(from, i);
    if (!to || to === from) continue;
    if (!rules.isValid(to)) {
      at('to', `Row ${i + 1}: '${to}' is not a valid ${rules.noun} name.`);
      continue;
    }
    const earlier = targets.get(to);
    if (earlier !== undefined) {
      at('to', `Row ${i + 1}: '${earlier}' already becomes '${to}'; two ${rules.noun}s cannot share one target.`);
      continue;
    }
    targets.set(to, from);
    mapping.push({ from, to });
  }
  return { mapping, problems };
}
