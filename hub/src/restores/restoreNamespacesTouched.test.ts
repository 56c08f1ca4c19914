import { expect, it } from 'vitest';
import { restoreNamespacesTouched } from './restoreNamespacesTouched.ts';

it('maps the restore’s namespaces, else the backup’s, else all', () => {
  const mapping = { shop: 'shop-copy' };
  expect(restoreNamespacesTouched({ includeNamespaces: ['shop'], namespaceMapping: mapping }, [])).toEqual([
    'shop-copy',
  ]);
  expect(
    restoreNamespacesTouched({ includeNamespaces: [], namespaceMapping: mapping }, ['shop', 'db']),
  ).toEqual(['shop-copy', 'db']);
  expect(restoreNamespacesTouched({ includeNamespaces: [], namespaceMapping: {} }, [])).toEqual(['*']);
});
