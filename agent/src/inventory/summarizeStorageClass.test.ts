import { describe, expect, it } from 'vitest';
import { summarizeStorageClass } from './summarizeStorageClass.ts';

describe('summarizeStorageClass', () => {
  const annotated = (annotations: Record<string, string>) =>
    summarizeStorageClass({ metadata: { name: 'fast', annotations }, provisioner: 'csi.example.com' });

  it('marks the class annotated as the default', () => {
    expect(annotated({ 'storageclass.kubernetes.io/is-default-class': 'true' })).toEqual({
      name: 'fast',
      provisioner: 'csi.example.com',
      isDefault: true,
    });
  });

  it('honours the beta annotation, as Kubernetes does', () => {
    expect(annotated({ 'storageclass.beta.kubernetes.io/is-default-class': 'true' }).isDefault).toBe(true);
  });

  it('takes only the exact value "true" as default', () => {
    expect(annotated({ 'storageclass.kubernetes.io/is-default-class': 'false' }).isDefault).toBe(false);
    expect(annotated({ 'storageclass.kubernetes.io/is-default-class': 'yes' }).isDefault).toBe(false);
    expect(annotated({}).isDefault).toBe(false);
  });
});
