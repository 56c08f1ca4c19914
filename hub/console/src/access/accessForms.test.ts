import { describe, expect, it } from 'vitest';
import { bindingInputFromForm, emptyBindingForm, emptyTokenForm, tokenInputFromForm } from './accessForms.ts';

describe('the access forms', () => {
  it('binds a group in the whole tenant by default', () => {
    expect(bindingInputFromForm('t1', { ...emptyBindingForm(), subject: ' tenant-b-viewers ' })).toEqual({
      tenantId: 't1',
      subjectKind: 'group',
      subject: 'tenant-b-viewers',
      role: 'viewer',
      clusterIds: [],
      namespaces: [],
    });
  });

  it('narrows a binding to clusters and namespace patterns', () => {
    const form = { ...emptyBindingForm(), subjectKind: 'user' as const, subject: 'u-bob', role: 'operator' as const, clusterIds: ['c1'], namespaces: 'shop-*, billing' };
    expect(bindingInputFromForm('t1', form)).toMatchObject({ subjectKind: 'user', role: 'operator', clusterIds: ['c1'], namespaces: ['shop-*', 'billing'] });
  });

  it('creates a token that expires in the given days, or never when blank', () => {
    expect(tokenInputFromForm('t1', { ...emptyTokenForm(), name: ' ci ' })).toEqual({
      tenantId: 't1',
      name: 'ci',
      role: 'viewer',
      clusterIds: [],
      namespaces: [],
      expiresInDays: 90,
    });
    expect(tokenInputFromForm('t1', { ...emptyTokenForm(), name: 'ci', expiresInDays: '' })).not.toHaveProperty('expiresInDays');
  });
});
