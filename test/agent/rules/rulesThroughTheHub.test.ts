import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestAgent, type TestAgent } from '../../kit/startTestAgent.ts';
import { startTestHub, type TestHub } from '../../kit/startTestHub.ts';
import { waitFor } from '../../world/waitFor.ts';
import type { ClusterInfo } from '../../world/WorldInfo.ts';
import { createRulePods, type RulePods } from './createRulePods.ts';

// A user attaches a pre-exec rule to a backup through the hub; the real agent process runs it through the
// exec API in a pod on kwok's node, and its output lands in the backup's log in the location.
const world = inject('world');
const [clusterA] = world.clusters as [ClusterInfo];
const run = Date.now().toString(36);
const locationPath = mkdtempSync(join(tmpdir(), 'fleetback-rules-location-'));

let hub: TestHub;
let agent: TestAgent;
let pods: RulePods;
let tenantId: string;
let clusterId: string;
let locationId: string;


beforeAll(async () => {
  const kc = new KubeConfig();
  kc.loadFromFile(clusterA.kubeconfigPath);
  pods = await createRulePods(kc, `hub-${run}`);
  hub = await startTestHub({ database: 'sqlite', world });
  tenantId = (await hub.admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "rules" }) { id } }'))
    .createTenant.id;
  const registered = await hub.admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
    'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "a" }) { cluster { id } enrollmentToken } }',
    { t: tenantId },
  );
  clusterId = registered.registerCluster.cluster.id;
  agent = startTestAgent({
    hubUrl: hub.url,
    kubeconfigPath: clusterA.kubeconfigPath,
    logDir: world.logDir,
    name: 'rules',
    enrollmentToken: registered.registerCluster.enrollmentToken,
  });
  locationId = (
    await hub.admin<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!, $p: String!) { createBackupLocation(input: { tenantId: $t, name: "disk", filesystem: { path: $p } }) { id } }',
      { t: tenantId, p: locationPath },
    )
  ).createBackupLocation.id;
});

afterAll(async () => {
  await agent?.stop();
  await hub?.stop();
  await pods?.remove();
});

describe('rules through the hub and the agent process', () => {
  it("runs a backup's pre-exec rule in a pod and writes its output to the backup log", async () => {
    const rule = await hub.admin<{ createRule: { id: string } }>(
      'mutation($t: ID!) { createRule(input: { tenantId: $t, name: "flush", spec: { subRules: [{ podSelectors: ["app=db"], actions: [{ command: "echo flushed", runInSinglePod: true }] }] } }) { id } }',
      { t: tenantId },
    );
    const created = await hub.admin<{ createBackup: { id: string } }>(
      'mutation($c: ID!, $l: ID!, $ns: [String!]!, $r: ID!) { createBackup(input: { clusterId: $c, locationId: $l, includeNamespaces: $ns, preRuleId: $r }) { id } }',
      { c: clusterId, l: locationId, ns: [pods.ns], r: rule.createRule.id },
    );
    const id = created.createBackup.id;
    const ended = await waitFor(
      async () => {
        const data = await hub.admin<{ backup: { phase: string; result: { errors: string[] } | null } }>(
          'query($id: ID!) { backup(id: $id) { phase result { errors } } }',
          { id },
        );
        return ['Completed', 'PartiallyFailed', 'Failed'].includes(data.backup.phase) ? data.backup : undefined;
      },
      { what: 'the backup to end', timeoutMs: 60_000 },
    );
    expect(ended).toMatchObject({ phase: 'Completed', result: { errors: [] } });
    const log = readFileSync(join(locationPath, 'backups', id, 'log.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { rule?: { hook: string; name: string; exitCode: number; stdout: string } });
    expect(log[0]?.rule).toMatchObject({ hook: 'pre', name: 'flush', exitCode: 0, stdout: 'flushed\n' });
    // The outcome carries the log to the hub, which serves it as a field of the backup.
    const reported = await hub.admin<{
      backup: { log: { level: string; message: string; ruleName: string | null; stdout: string | null }[]; logTruncated: boolean };
    }>('query($id: ID!) { backup(id: $id) { log { level message ruleName stdout } logTruncated } }', { id });
    expect(reported.backup.logTruncated).toBe(false);
    expect(reported.backup.log).toContainEqual(expect.objectContaining({ level: 'info', ruleName: 'flush', stdout: 'flushed\n' }));
  });
});
