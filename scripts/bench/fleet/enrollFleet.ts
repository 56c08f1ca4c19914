import { ProtocolAgent } from '../../../test/kit/ProtocolAgent.ts';
import { adminRequest } from './adminRequest.ts';
import { forEachLimited } from './forEachLimited.ts';

/** A registered and enrolled cluster, as its agent knows it. */
export interface EnrolledCluster {
  clusterId: string;
  credential: string;
}

export interface EnrollFleetOptions {
  hubUrl: string;
  adminToken: string;
  tenantId: string;
  count: number;
  /** Registrations and enrollments in flight at once. */
  concurrency: number;
}

/**
 * Registers `count` clusters in the tenant and enrolls each over the agent link (one short-lived
 * connection per enrollment, as a real agent's first start). Returns them in registration order, with
 * how long each half took.
 */
export async function enrollFleet(
  options: EnrollFleetOptions,
): Promise<{ clusters: EnrolledCluster[]; registerSeconds: number; enrollSeconds: number }> {
  const { hubUrl, adminToken, tenantId, count, concurrency } = options;
  const tokens: string[] = new Array<string>(count);
  const registerStart = performance.now();
  await forEachLimited(count, concurrency, async (i) => {
    const r = await adminRequest<{ registerCluster: { enrollmentToken: string } }>(
      hubUrl,
      adminToken,
      'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { enrollmentToken } }',
      { t: tenantId, n: `fleet-${String(i).padStart(5, '0')}` },
    );
    tokens[i] = r.registerCluster.enrollmentToken;
  });
  const enrollStart = performance.now();
  const clusters: EnrolledCluster[] = new Array<EnrolledCluster>(count);
  await forEachLimited(count, concurrency, async (i) => {
    const agent = await ProtocolAgent.connect({ hubUrl });
    try {
      const r = await agent.request<{ enroll: { clusterId: string; credential: string } }>(
        'mutation($t: String!) { enroll(token: $t) { clusterId credential } }',
        { t: tokens[i] },
      );
      if (!r.data) throw new Error(`enrollment failed: ${JSON.stringify(r.errors)}`);
      clusters[i] = r.data.enroll;
    } finally {
      agent.close();
    }
  });
  const end = performance.now();
  return {
    clusters,
    registerSeconds: (enrollStart - registerStart) / 1000,
    enrollSeconds: (end - enrollStart) / 1000,
  };
}
