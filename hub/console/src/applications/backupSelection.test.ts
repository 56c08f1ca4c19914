import { describe, expect, it } from 'vitest';
import { backupSelection } from './backupSelection.ts';

const noFilter = { namespaces: '', namespaceSelector: '', labelSelector: '' };
const shown = ['db', 'shop-a', 'shop-b'];

describe('backupSelection', () => {
  it('takes the whole cluster when nothing is filtered or unticked', () => {
    expect(backupSelection({ params: noFilter, shown, excluded: new Set(), complete: true })).toEqual({
      ok: true,
      selection: { includeNamespaces: [], labelSelectors: [] },
    });
  });

  it('names the ticked namespaces when some are unticked, filtered, or beyond the page', () => {
    expect(backupSelection({ params: noFilter, shown, excluded: new Set(['db']), complete: true })).toEqual({
      ok: true,
      selection: { includeNamespaces: ['shop-a', 'shop-b'], labelSelectors: [] },
    });
    const byPattern = { ...noFilter, namespaces: 'shop-*' };
    expect(backupSelection({ params: byPattern, shown: ['shop-a', 'shop-b'], excluded: new Set(), complete: true })).toEqual({
      ok: true,
      selection: { includeNamespaces: ['shop-a', 'shop-b'], labelSelectors: [] },
    });
    const byLabels = { ...noFilter, namespaceSelector: 'team=web' };
    expect(backupSelection({ params: byLabels, shown: ['shop-a'], excluded: new Set(), complete: true })).toMatchObject({
      selection: { includeNamespaces: ['shop-a'] },
    });
    expect(backupSelection({ params: noFilter, shown, excluded: new Set(), complete: false })).toMatchObject({
      selection: { includeNamespaces: shown },
    });
  });

  it('carries the workload selector as the backup label selector', () => {
    const params = { ...noFilter, labelSelector: ' app=shop ' };
    expect(backupSelection({ params, shown: ['shop-a'], excluded: new Set(), complete: true })).toEqual({
      ok: true,
      selection: { includeNamespaces: ['shop-a'], labelSelectors: ['app=shop'] },
    });
  });

  it('refuses an empty selection', () => {
    expect(backupSelection({ params: noFilter, shown: ['db'], excluded: new Set(['db']), complete: true })).toEqual({
      ok: false,
      error: 'Tick at least one namespace to back up.',
    });
    expect(backupSelection({ params: noFilter, shown: [], excluded: new Set(), complete: true }).ok).toBe(false);
  });
});
