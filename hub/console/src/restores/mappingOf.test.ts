import { describe, expect, it } from 'vitest';
import { isNamespaceName } from './kubernetesNames.ts';
import { mappingOf } from './mappingOf.ts';
import { mappingRow } from './MappingRow.ts';

const rules = { field: 'namespaceMapping', noun: 'namespace', isValid: isNamespaceName };
const rows = (...pairs: [string, string][]) => pairs.map(([from, to]) => mappingRow(from, to));

describe('mappingOf (namespace mapping rows → the API’s list)', () => {
  it('maps the rows that rename, trimmed', () => {
    expect(mappingOf(rows([' shop ', ' shop-copy '], ['db', 'db-copy']), rules)).toEqual({
      mapping: [
        { from: 'shop', to: 'shop-copy' },
        { from: 'db', to: 'db-copy' },
      ],
      problems: [],
    });
  });

  it('ignores blank rows, rows that keep their name, and rows onto themselves', () => {
    expect(mappingOf(rows(['', ''], ['shop', ''], ['db', 'db']), rules)).toEqual({ mapping: [], problems: [] });
  });

  it('asks for the source of a target typed alone', () => {
    expect(mappingOf(rows(['', 'copy']), rules).problems).toEqual([
      { field: 'namespaceMapping.0.from', message: "Row 1: name the source namespace that becomes 'copy'." },
    ]);
  });

  it('refuses names that are not DNS labels, naming the side', () => {
    const { mapping, problems } = mappingOf(rows(['Shop', 'x'], ['shop', 'shop_copy']), rules);
    expect(mapping).toEqual([]);
    expect(problems.map((p) => p.field)).toEqual(['namespaceMapping.0.from', 'namespaceMapping.1.to']);
    expect(problems[1]?.message).toBe("Row 2: 'shop_copy' is not a valid namespace name.");
  });

  it('refuses a source mapped twice and two sources into one target', () => {
    const { problems } = mappingOf(rows(['shop', 'a'], ['shop', 'b'], ['db', 'a']), rules);
    expect(problems).toEqual([
      { field: 'namespaceMapping.1.from', message: "Row 2: namespace 'shop' is already mapped in row 1." },
      { field: 'namespaceMapping.2.to', message: "Row 3: 'shop' already becomes 'a'; two namespaces cannot share one target." },
    ]);
  });
});
