import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BackupScheduleEntity } from '../../hub/src/schedules/BackupScheduleEntity.ts';
import { aBackup } from '../kit/seedCatalog.ts';
import { type SeedableHub, startSeedableHub } from '../kit/startSeedableHub.ts';
import { startTestAgent, type TestAgent } from '../kit/startTestAgent.ts';
import { waitFor } from '../world/waitFor.ts';
import type { ClusterInfo, IdpInfo } from '../world/WorldInfo.ts';
import { chromiumAvailable } from './kit/chromium.ts';
import { ensureConsoleBuilt } from './kit/ensureConsoleBuilt.ts';
import { type ConsoleBrowser, narrowViewport, openConsole } from './kit/openConsole.ts';
import { signInWithOidc } from './kit/signIn.ts';

// The Fleet screen against a real hub: a cluster whose real agent (world cluster a) is connected, one whose
// last good backup is older than its schedule promises, and a cluster registered through the dialog whose
// agent (world cluster b) enrolls with the token and hub URL the dialog's command names.
const world = inject('world');
const withBrowser = chromiumAvailable();
const hour = 3_600_000;

interface ClusterState {
  cluster: { status: string; agentVersion: string | null; kubernetesVersion: string | null };
}

describe.skipIf(!withBrowser || !world.idp || world.clusters.length < 2)('the Fleet screen', () => {
  let hub: SeedableHub;
  let browser: ConsoleBrowser;
  let page: Page;
  let tenantId: string;
  let prodId: string;
  const agents: TestAgent[] = [];

  const admin = async <T>(query: string, variables?: object): Promise<T> => {
    const result = await hub.gql<T>(hub.adminToken, query, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  };
  const register = (name: string) =>
    admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
      'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { cluster { id } enrollmentToken } }',
      { t: tenantId, n: name },
    ).then((r) => r.registerCluster);
  const connected = (id: string) =>
    waitFor(
      async () => {
        const { cluster } = await admin<ClusterState>(
          'query($id: ID!) { cluster(id: $id) { status agentVersion kubernetesVersion } }',
          { id },
        );
        return cluster.status === 'Connected' && cluster.kubernetesVersion ? cluster : undefined;
      },
      { what: 'the agent to connect', timeoutMs: 60_000 },
    );
  const row = (name: string) => page.locator(`tbody tr[data-cluster="${name}"]`);

  beforeAll(async () => {
    ensureConsoleBuilt();
    const [clusterA] = world.clusters as [ClusterInfo, ClusterInfo];
    hub = await startSeedableHub({ database: 'sqlite', world, oidc: true, adminGroups: ['platform-admins'] });
    tenantId = (await admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "shop" }) { id } }'))
      .createTenant.id;

    const prod = await register('prod-a');
    prodId = prod.cluster.id;
    agents.push(
      startTestAgent({
        hubUrl: hub.url,
        kubeconfigPath: clusterA.kubeconfigPath,
        logDir: world.logDir,
        name: 'fleet-prod-a',
        enrollmentToken: prod.enrollmentToken,
      }),
    );
    await aBackup(tenantId, prodId).named('prod-a-manual').createdAtTime(new Date(Date.now() - 20 * 60_000)).insert(hub.orm);

    // An hourly schedule whose cluster's last good backup is five hours old: overdue.
    const legacy = await register('legacy');
    await aBackup(tenantId, legacy.cluster.id).named('legacy-old').createdAtTime(new Date(Date.now() - 5 * hour)).insert(hub.orm);
    const policy = await admin<{ createSchedulePolicy: { id: string } }>(
      'mutation($t: ID!) { createSchedulePolicy(input: { tenantId: $t, name: "hourly", spec: { periodic: { every: 1, unit: hours } } }) { id } }',
      { t: tenantId },
    );
    const location = await admin<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "disk", filesystem: { path: "/var/backups/fleetback" } }) { id } }',
      { t: tenantId },
    );
    // Made suspended so the scheduler takes no backup of its own now, then resumed: it still promises hourly.
    const schedule = await admin<{ createBackupSchedule: { id: string } }>(
      'mutation($c: ID!, $p: ID!, $l: ID!) { createBackupSchedule(input: { clusterId: $c, name: "legacy-hourly", policyId: $p, template: { locationId: $l }, suspended: true }) { id } }',
      { c: legacy.cluster.id, p: policy.createSchedulePolicy.id, l: location.createBackupLocation.id },
    );
    // …and has existed for ten hours, so it owes backups (a fresh schedule owes none yet).
    await hub.orm.em
      .fork()
      .nativeUpdate(
        BackupScheduleEntity,
        { id: schedule.createBackupSchedule.id },
        { createdAt: new Date(Date.now() - 10 * hour) },
        { filters: false },
      );
    await admin('mutation($id: ID!) { resumeBackupSchedule(id: $id) { id } }', { id: schedule.createBackupSchedule.id });

    browser = await openConsole({ hubUrl: hub.url, suite: 'fleet', logDir: world.logDir });
    page = await browser.newPage('/');
    await signInWithOidc(page, world.idp as IdpInfo, 'alice');
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(agents.map((a) => a.stop()));
    await hub?.stop();
  });

  it('shows a connected cluster with its agent and Kubernetes versions and its last good backup', async () => {
    const state = await connected(prodId);
    await page.reload();
    const prod = row('prod-a');
    await prod.waitFor();
    const text = await prod.innerText();
    expect(text).toContain('Connected');
    expect(text).toContain(state.agentVersion);
    expect(text).toContain(state.kubernetesVersion);
    expect(state.kubernetesVersion).toMatch(/^v1\.35\./);
    expect(text).toMatch(/20 min ago/);
    expect(text).toContain('prod-a-manual');
    expect(text).toContain('No active schedule');
    await browser.screenshot(page, 'fleet');
  });

  it('warns when a cluster’s last good backup is older than its schedules promise', async () => {
    const legacy = row('legacy');
    expect(await legacy.innerText()).toMatch(/Overdue[\s\S]*every 1 h/);
    expect(await legacy.getAttribute('class')).toContain('row-warn');
    expect(await page.getByTestId('overdue-warning').innerText()).toContain('legacy');
    expect(await row('prod-a').innerText()).not.toContain('Overdue');
  });

  it('registers a cluster through the dialog, whose token and command bring its agent in', async () => {
    await page.getByRole('button', { name: 'Register a cluster' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register a cluster' });
    await dialog.getByLabel('Cluster name').fill('edge-1');
    await browser.screenshot(page, 'register-form');
    await dialog.getByRole('button', { name: 'Register' }).click();

    const registered = page.getByRole('dialog', { name: 'Cluster edge-1 is registered' });
    const token = (await registered.getByTestId('enrollment-token').innerText()).trim();
    expect(token).toMatch(/^fbk_enroll_[\w-]{43}$/);
    const command = (await registered.getByTestId('agent-command').innerText()).trim();
    expect(command).toBe(`FLEETBACK_HUB_URL=${hub.url} FLEETBACK_ENROLLMENT_TOKEN=${token} node bin/fleetback.js agent`);
    await browser.screenshot(page, 'register-token');

    await registered.getByRole('button', { name: 'Done' }).click();
    expect(await registered.count()).toBe(0);
    expect(await row('edge-1').innerText()).toContain('Awaiting agent');

    // The command's settings, given to a real agent next to world cluster b.
    const env = Object.fromEntries(command.split(' ').filter((w) => w.includes('=')).map((w) => w.split('=', 2)));
    agents.push(
      startTestAgent({
        hubUrl: env.FLEETBACK_HUB_URL as string,
        enrollmentToken: env.FLEETBACK_ENROLLMENT_TOKEN as string,
        kubeconfigPath: (world.clusters[1] as ClusterInfo).kubeconfigPath,
        logDir: world.logDir,
        name: 'fleet-edge-1',
      }),
    );
    await page.reload();
    await expect.poll(async () => (await page.reload(), await row('edge-1').innerText()), { timeout: 60_000, interval: 2_000 }).toContain(
      'Connected',
    );
  });

  it("shows the API's message, code and advice when the hub refuses a registration", async () => {
    await page.getByRole('button', { name: 'Register a cluster' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register a cluster' });
    await dialog.getByLabel('Cluster name').fill('edge-1');
    await dialog.getByRole('button', { name: 'Register' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain("this tenant already has a cluster named 'edge-1'");
    expect(text).toContain('CONFLICT');
    await browser.screenshot(page, 'register-conflict');

    await dialog.getByLabel('Cluster name').fill('Not_A_Label');
    await dialog.getByRole('button', { name: 'Register' }).click();
    await expect.poll(() => alert.innerText()).toContain('BAD_USER_INPUT');
    expect(await alert.innerText()).toContain('input.name');

    // Escape closes the dialog and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Register a cluster');
  });

  it('reads on a narrow window, each cluster a card', async () => {
    const narrow = await browser.newPage('/', { viewport: narrowViewport });
    await signInWithOidc(narrow, world.idp as IdpInfo, 'alice');
    await narrow.locator('tbody tr[data-cluster="prod-a"]').waitFor();
    expect(await narrow.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(narrowViewport.width);
    await browser.screenshot(narrow, 'fleet-narrow');
  });
});
