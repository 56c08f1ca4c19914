import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../KubeObject.ts';
import type { RestorePlanItem } from '../RestorePlanItem.ts';
import type { RestoreActionContext } from './RestoreAction.ts';
import { restoreLabelsAction } from './restoreLabelsAction.ts';

const context = { backupId: 'b1', restoreId: 'r1' } as RestoreActionContext;
const objectOf = (kind: string): KubeObject => ({ apiVersion: 'v1', kind, metadata: { name: 'web', labels: { app: 'web' } } });
const run = (type: string, kind: string) =>
  (restoreLabelsAction.run(objectOf(kind), { type } as RestorePlanItem, context) as { object: KubeObject }).object;
const marks = { 'fleetback.io/backup': 'b1', 'fleetback.io/restore': 'r1' };

describe('restoreLabelsAction', () => {
  it('labels a restored object with its backup and restore', () => {
    expect(run('configmaps', 'ConfigMap').metadata).toEqual({ name: 'web', labels: { app: 'web', ...marks } });
  });

  it('marks Services and Endpoints with annotations, so the endpoints controllers do not copy the restore label to objects they make', () => {
    expect(run('services', 'Service').metadata).toEqual({ name: 'web', labels: { app: 'web' }, annotations: marks });
    expect(run('endpoints', 'Endpoints').metadata).toEqual({ name: 'web', labels: { app: 'web' }, annotations: marks });
  });
});
