import { describe, expect, it } from 'vitest';
import { problemObject } from './BackupProblemView.ts';

const problem = { type: null, namespace: null, name: null, message: 'm' };

describe('problemObject', () => {
  it('names the object as kubectl does', () => {
    expect(problemObject({ ...problem, type: 'configmaps', namespace: 'shop', name: 'settings' })).toBe('configmaps shop/settings');
    expect(problemObject({ ...problem, type: 'secrets', namespace: 'shop' })).toBe('secrets shop');
    expect(problemObject({ ...problem, type: 'persistentvolumes', name: 'pv-1' })).toBe('persistentvolumes pv-1');
    expect(problemObject({ ...problem, type: 'deployments.apps' })).toBe('deployments.apps');
    expect(problemObject({ ...problem, namespace: 'shop' })).toBe('namespace shop');
  });

  it('is null for a problem of no one object', () => {
    expect(problemObject(problem)).toBeNull();
  });
});
