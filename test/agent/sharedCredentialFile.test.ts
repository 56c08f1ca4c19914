import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestAgent, type TestAgent } from '../kit/startTestAgent.ts';
import { startTestHub, type TestHub } from '../kit/startTestHub.ts';
import { waitFor } from '../world/waitFor.ts';
import type { ClusterInfo } from '../world/WorldInfo.ts';

// Two agents started from the same directory share its default credential file. The second, given its own
// cluster's enrollment token, used to ignore the token and join as the first cluster. Real agent processes
// against a real hub: the second refuses to start, naming the file and what to do, its token stays unused,
// and with a file of its own it joins as its own cluster.
const world = inject('world');
const [clusterA, clusterB] = world.clusters as [ClusterInfo, ClusterInfo];

let hub: TestHub;
let tenantId: string;
const agents: TestAgent[] = [];

async function admin<T>(query: string, variables?: object): Promise<T> {
  const result = await hub.gql<T>(hub.adminToken, query, variables);
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.data as T;
}

async function register(name: string): Promise<{ id: string; token: string }> {
  const data = await admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
    'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { cluster { id } enrollmentToken } }',
    { t: tenantId, n: name },
  );
  return { id: data.registerCluster.cluster.id, token: data.registerCluster.enrollmentToken };
}

async function status(id: string): Promise<string> {
  return (await admin<{ cluster: { status: string } }>('query($id: ID!) { cluster(id: $id) { status } }', { id })).cluster.status;
}

function agentFor(cluster: ClusterInfo, name: string, options: { credentialFile: string; enrollmentToken?: string; hubUrl?: string }) {
  const agent = startTestAgent({ hubUrl: hub.url, kubeconfigPath: cluster.kubeconfigPath, logDir: world.logDir, name, ...options });
  agents.push(agent);
  return agent;
}

describe('agents sharing one directory', () => {
  beforeAll(async () => {
    hub = await startTestHub({ database: 'sqlite', world });
    tenantId = (await admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "shared" }) { id } }')).createTenant.id;
  });

  afterAll(async () => {
    for (const agent of agents) await agent.kill();
    await hub?.stop();
  });

  it("refuses to start as another cluster's agent from a shared credential file, and joins with a file of its own", async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fleetback-shared-'));
    const shared = join(directory, 'agent.credential');
    const a = await register('a');
    const b = await register('b');
    const first = agentFor(clusterA, 'shared-a', { credentialFile: shared, enrollmentToken: a.token });
    await waitFor(async () => (await status(a.id)) === 'Connected', { what: 'cluster a connected', abortIf: () => alive(first) });

    const second = agentFor(clusterB, 'shared-b', { credentialFile: shared, enrollmentToken: b.token });
    expect(await second.exited).toBe(3);
    expect(second.output()).toContain(
      `file ${shared} holds the credential of cluster a (${a.id}), enrolled with another enrollment token than the one this agent was given (another cluster's, or a renewed enrollment): give each agent its own store (FLEETBACK_CREDENTIAL_FILE, or FLEETBACK_CREDENTIAL_SECRET in a pod)`,
    );
    // Nothing was enrolled or overwritten: b's token is still unused, a's agent still holds the file.
    expect(await status(b.id)).toBe('PendingEnrollment');
    expect(JSON.parse(readFileSync(shared, 'utf8'))).toMatchObject({ clusterId: a.id, clusterName: 'a', tenantId });

    const own = agentFor(clusterB, 'own-b', { credentialFile: join(directory, 'b.credential'), enrollmentToken: b.token });
    await waitFor(async () => (await status(b.id)) === 'Connected', { what: 'cluster b connected', abortIf: () => alive(own) });
    expect(await status(a.id)).toBe('Connected');

    // The first agent restarted as it was started, its token still in its environment, is still cluster a.
    await first.stop();
    await waitFor(async () => (await status(a.id)) === 'Disconnected', { what: 'cluster a disconnected' });
    const again = agentFor(clusterA, 'shared-a-again', { credentialFile: shared, enrollmentToken: a.token });
    await waitFor(async () => (await status(a.id)) === 'Connected', { what: 'cluster a connected again', abortIf: () => alive(again) });
    expect(again.output()).toMatch(new RegExp(`"clusterId":"${a.id}".*using the stored credential of this cluster`));
  });

  it('refuses a credential issued by another hub, and a bare credential naming no hub or cluster', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fleetback-other-hub-'));
    const file = join(directory, 'agent.credential');
    const a = await register('other-hub');
    const enrolled = agentFor(clusterA, 'other-hub', { credentialFile: file, enrollmentToken: a.token });
    await waitFor(async () => (await status(a.id)) === 'Connected', { what: 'the agent connected', abortIf: () => alive(enrolled) });
    await enrolled.stop();

    const elsewhere = new URL(hub.url);
    elsewhere.hostname = 'localhost';
    const moved = agentFor(clusterA, 'other-hub-moved', { credentialFile: file, hubUrl: elsewhere.href });
    expect(await moved.exited).toBe(3);
    expect(moved.output()).toContain(
      `file ${file} holds the credential of cluster other-hub (${a.id}) issued by the hub ${new URL(hub.url).href}, but this agent is set to the hub ${elsewhere.href}: give each agent its own store`,
    );

    const bare = join(directory, 'bare.credential');
    writeFileSync(bare, `${(JSON.parse(readFileSync(file, 'utf8')) as { credential: string }).credential}\n`);
    const old = agentFor(clusterA, 'bare-credential', { credentialFile: bare });
    expect(await old.exited).toBe(3);
    expect(old.output()).toContain(`file ${bare} does not hold a credential record this agent can use`);
  });
});

function alive(agent: TestAgent): void {
  if (agent.process.exitCode !== null) throw new Error(`the agent exited:\n${agent.output().slice(-3000)}`);
}
