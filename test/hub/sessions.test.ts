import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { jobToWatch } from '../kit/jobToWatch.ts';
import { startTestHub, type TestHub } from '../kit/startTestHub.ts';
import { watchJob } from '../kit/watchJob.ts';

const world = inject('world');

/** The subscribe step loads and authorizes before it listens; an update sent sooner would not be heard. */
const untilListening = () => new Promise((resolve) => setTimeout(resolve, 500));

describe('subscriptions end with their session', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ database: 'sqlite', world });
  });
  afterAll(() => hub?.stop());

  const cancel = (jobId: string) => hub.admin('mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: jobId });

  it('a subscription stops delivering once its API token is revoked', async () => {
    const tenant = await jobToWatch(hub, 'revoked');
    const { createApiToken } = await hub.admin<{ createApiToken: { token: string; apiToken: { id: string } } }>(
      'mutation($t: ID!) { createApiToken(input: { tenantId: $t, name: "watcher", role: viewer }) { token apiToken { id } } }',
      { t: tenant.tenantId },
    );
    const first = { jobId: await tenant.queueJob() };
    const second = await tenant.queueJob();

    const delivering = watchJob(hub.url, createApiToken.token, first.jobId);
    await untilListening();
    await cancel(first.jobId);
    await delivering.firstUpdate;
    expect(delivering.updates).toEqual([{ id: first.jobId, phase: 'Cancelled' }]);
    await delivering.stop();

    const revoked = watchJob(hub.url, createApiToken.token, second);
    await untilListening();
    await hub.admin('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: createApiToken.apiToken.id });
    await cancel(second);
    const errors = await revoked.ended;
    expect(revoked.updates).toEqual([]);
    expect(errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors[0]?.message).toMatch(/revoked/);
    await revoked.stop();
  });
});

describe('subscriptions have a maximum lifetime', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({
      database: 'sqlite',
      world,
      settings: { FLEETBACK_SUBSCRIPTION_MAX_LIFETIME_SECONDS: '10' },
    });
  });
  afterAll(() => hub?.stop());

  it('a subscription ends with UNAUTHENTICATED at its maximum lifetime even when nothing happens', async () => {
    const jobId = await (await jobToWatch(hub, 'lifetime')).queueJob();
    const watch = watchJob(hub.url, hub.adminToken, jobId);
    const errors = await watch.ended;
    expect(errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors[0]?.message).toMatch(/at most 10 s; subscribe again/);
    await watch.stop();
  }, 30_000);
});

describe('the built-in admin token can be rotated', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ database: 'sqlite', world });
  });
  afterAll(() => hub?.stop());

  it('rotateAdminToken returns a new token that works, and the old one stops working at once', async () => {
    const rotated = await hub.gql<{ rotateAdminToken: string }>(hub.adminToken, 'mutation { rotateAdminToken }');
    const fresh = rotated.data?.rotateAdminToken ?? '';
    expect(fresh).toMatch(/^fbk_admin_/);
    expect(fresh).not.toBe(hub.adminToken);
    const old = await hub.gql(hub.adminToken, '{ me { kind } }');
    expect(old.status).toBe(401);
    expect(old.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const now = await hub.gql<{ me: { kind: string } }>(fresh, '{ me { kind } }');
    expect(now.data?.me.kind).toBe('admin');
  });
});
