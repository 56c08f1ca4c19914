import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/world/peerBinary.ts';
import { findNativeAddons } from './findNativeAddons.ts';

describe('the dependency tree', () => {
  it('has no native addon at run time and compiles nothing at install', () => {
    expect(findNativeAddons(repoRoot)).toEqual({ runtimeAddons: [], compiledAtInstall: [] });
  });
});
