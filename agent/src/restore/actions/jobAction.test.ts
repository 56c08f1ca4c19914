import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../KubeObject.ts';
import type { RestorePlanItem } from '../RestorePlanItem.ts';
import { jobAction } from './jobAction.ts';
import type { RestoreActionContext } from './RestoreAction.ts';

const uid = '5f0c1b8e-0000-4000-8000-000000000001';
const job = (spec: object): KubeObject => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' }, spec });
const run = (object: KubeObject) =>
  jobAction.run(object, { type: 'jobs.batch', targetNamespace: 'ns' } as RestorePlanItem, {} as RestoreActionContext);

describe('jobAction', () => {
  it('drops the generated selector and the uid labels of the pod template, keeping the rest', () => {
    const archived = job({
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: {
        metadata: {
          labels: { app: 'shop', 'controller-uid': uid, 'batch.kubernetes.io/controller-uid': uid, 'job-name': 'migrate' },
        },
        spec: { restartPolicy: 'Never' },
      },
    });
    expect(run(archived)).toEqual({
      object: job({
        template: { metadata: { labels: { app: 'shop', 'job-name': 'migrate' } }, spec: { restartPolicy: 'Never' } },
      }),
    });
  });

  it('leaves a selector the user chose alone', () => {
    const manual = job({
      manualSelector: true,
      selector: { matchLabels: { 'controller-uid': 'mine' } },
      template: { metadata: { labels: { 'controller-uid': 'mine' } } },
    });
    expect(run(structuredClone(manual))).toEqual({ object: manual });
  });
});
