import { describe, expect, it } from 'vitest';
import type { RuleAction } from '#schema/contracts/RuleSpec';
import { containerFor } from './RulePod.ts';

const action = (container: string | null): RuleAction => ({
  command: 'true',
  argv: null,
  container,
  background: false,
  runInSinglePod: false,
  timeoutSeconds: 60,
  continueOnFailure: false,
});
const pod = { namespace: 'shop', name: 'db-0', containers: ['db', 'exporter'] };

describe('containerFor', () => {
  it("defaults to the pod's first container, as kubectl exec does", () => {
    expect(containerFor(pod, action(null))).toEqual({ container: 'db' });
  });

  it('takes the container the action names', () => {
    expect(containerFor(pod, action('exporter'))).toEqual({ container: 'exporter' });
  });

  it('says which containers there are when the pod lacks the one named', () => {
    expect(containerFor(pod, action('backup'))).toEqual({ problem: "the pod has no container 'backup' (it has db, exporter)" });
  });
});
