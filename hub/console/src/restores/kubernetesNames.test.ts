import { expect, it } from 'vitest';
import { isNamespaceName, isNamespacePattern, isStorageClassName } from './kubernetesNames.ts';

it('accepts DNS labels as namespace names, and `*` only in patterns', () => {
  expect(isNamespaceName('shop-1')).toBe(true);
  expect(isNamespaceName('a'.repeat(63))).toBe(true);
  for (const bad of ['', 'Shop', 'shop_1', '-shop', 'shop-', 'a'.repeat(64), 'shop-*', 'a.b']) {
    expect(isNamespaceName(bad), bad).toBe(false);
  }
  expect(isNamespacePattern('shop-*')).toBe(true);
  expect(isNamespacePattern('*')).toBe(true);
  expect(isNamespacePattern('Shop*')).toBe(false);
});

it('accepts DNS subdomains as storage class names', () => {
  expect(isStorageClassName('fast.ssd')).toBe(true);
  expect(isStorageClassName('gp3')).toBe(true);
  expect(isStorageClassName('fast..ssd')).toBe(false);
  expect(isStorageClassName('Fast')).toBe(false);
});
