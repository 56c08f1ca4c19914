import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestAgent, type TestAgent } from '../kit/startTestAgent.ts';
import { startTestHub, type TestHub } from '../kit/startTestHub.ts';
import { waitFor } from '../world/waitFor.ts';
import type { ClusterInfo, IdpInfo } from '../world/WorldInfo.ts';
import { chromiumAvailable } from './kit/chromium.ts';
import { ensureConsoleBuilt } from './kit/ensureConsoleBuilt.ts';
import { type ConsoleBrowser, narrowViewport, openConsole } from './kit/openConsole.ts';
import { signInWithOidc } from './kit/signIn.ts';

// The application view and the backup screens against a real hub and a real agent on world cluster a, with a
// filesystem location: bob (operator) filters the cluster's namespaces, backs up the selection, watches its
// bar reach Completed through the subscription (the agent is held until the list shows the backup pending),
// reads its counts and deletes it; carol (viewer) can look but is offered no action, and when the console is
// made to offer one anyway, the hub's FORBIDDEN is what she sees.
const world = inject('world');
const withBrowser = chromiumAvailable();
const run = Date.now().toString(36);
const shopNs = `bk-shop-${run}`;
const otherNs = `bk-other-${run}`;

interface BackupState {
  phase: string;
  result: { errors: string[] } | null;
}

describe.skipIf(!withBrowser || !world.idp || world.clusters.length < 1)('the application view and the backup screens', () => {
  let hub: TestHub;
  let browser: ConsoleBrowser;
  let agent: TestAgent;
  let core: CoreV1Api;
  let tenantId: string;
  let clusterId: string;
  let locationId: string;
  const idp = world.idp as IdpInfo;

  const signedIn = async (user: string, path: string, options?: { viewport?: { width: number; height: number } }) => {
    const page = await browser.newPage('/', options);
    await signInWithOidc(page, idp, user);
    await page.goto(path);
    return page;
  };
  const backupByApi = async (location: string, includeNamespaces: string[]) => {
    const { createBackup } = await hub.admin<{ createBackup: { id: string; name: string } }>(
      'mutation($c: ID!, $l: ID!, $ns: [String!]!) { createBackup(input: { clusterId: $c, locationId: $l, includeNamespaces: $ns, namePrefix: "api" }) { id name } }',
      { c: clusterId, l: location, ns: includeNamespaces },
    );
    const done = await waitFor(
      async () => {
        const { backup } = await hub.admin<{ backup: BackupState }>('query($id: ID!) { backup(id: $id) { phase result { errors } } }', {
          id: createBackup.id,
        });
        return ['Completed', 'PartiallyFailed', 'Failed'].includes(backup.phase) ? backup : undefined;
      },
      { what: 'a backup taken through the API to end' },
    );
    return { ...createBackup, ...done };
  };

  beforeAll(async () => {
    ensureConsoleBuilt();
    const clusterA = world.clusters[0] as ClusterInfo;
    const kc = new KubeConfig();
    kc.loadFromFile(clusterA.kubeconfigPath);
    core = kc.makeApiClient(CoreV1Api);
    const apps = kc.makeApiClient(AppsV1Api);
    await core.createNamespace({ body: { metadata: { name: shopNs, labels: { team: 'web' } } } });
    await core.createNamespace({ body: { metadata: { name: otherNs } } });
    for (const [name, labels] of [['settings', { app: 'shop' }], ['flags', { app: 'shop' }], ['unrelated', { app: 'other' }]] as const) {
      await core.createNamespacedConfigMap({ namespace: shopNs, body: { metadata: { name, labels }, data: { k: name } } });
    }
    await core.createNamespacedConfigMap({ namespace: otherNs, body: { metadata: { name: 'elsewhere' }, data: { k: 'v' } } });
    await apps.createNamespacedDeployment({
      namespace: shopNs,
      body: {
        metadata: { name: 'web', labels: { app: 'shop' } },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'shop' } },
          template: { metadata: { labels: { app: 'shop' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
        },
      },
    });

    hub = await startTestHub({ database: 'sqlite', world, oidc: true, adminGroups: ['platform-admins'] });
    ({ createTenant: { id: tenantId } } = await hub.admin<{ createTenant: { id: string } }>(
      'mutation { createTenant(input: { name: "shop" }) { id } }',
    ));
    for (const [group, role] of [['tenant-a-operators', 'operator'], ['tenant-b-viewers', 'viewer']]) {
      await hub.admin(
        `mutation($t: ID!, $g: String!) { createRoleBinding(input: { tenantId: $t, subjectKind: group, subject: $g, role: ${role} }) { id } }`,
        { t: tenantId, g: group },
      );
    }
    const registered = await hub.admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "prod" }) { cluster { id } enrollmentToken } }',
      { t: tenantId },
    );
    clusterId = registered.registerCluster.cluster.id;
    ({ createBackupLocation: { id: locationId } } = await hub.admin<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!, $p: String!) { createBackupLocation(input: { tenantId: $t, name: "disk", filesystem: { path: $p } }) { id } }',
      { t: tenantId, p: mkdtempSync(join(tmpdir(), 'fleetback-console-location-')) },
    ));
    agent = startTestAgent({
      hubUrl: hub.url,
      kubeconfigPath: clusterA.kubeconfigPath,
      logDir: world.logDir,
      name: 'console-backups',
      enrollmentToken: registered.registerCluster.enrollmentToken,
    });
    // The agent has connected and reported the suite's namespaces, with the deployment.
    await waitFor(
      async () => {
        const data = await hub.admin<{ clusterNamespaces: { edges: { node: { name: string; workloads: { name: string }[] } }[] } }>(
          'query($c: ID!, $ns: [String!]) { clusterNamespaces(clusterId: $c, filter: { namespaces: $ns }) { edges { node { name workloads { name } } } } }',
          { c: clusterId, ns: [shopNs, otherNs] },
        );
        const nodes = data.clusterNamespaces.edges.map((e) => e.node);
        return nodes.length === 2 && nodes.some((n) => n.workloads.length > 0);
      },
      {
        what: "the agent to report the suite's namespaces",
        abortIf: () => {
          if (agent.process.exitCode !== null) throw new Error(agent.output().slice(-3000));
        },
      },
    );
    browser = await openConsole({ hubUrl: hub.url, suite: 'backups', logDir: world.logDir });
  });

  afterAll(async () => {
    if (agent?.process.pid) process.kill(agent.process.pid, 'SIGCONT');
    await browser?.close();
    await agent?.stop();
    await core?.deleteNamespace({ name: shopNs }).catch(() => undefined);
    await core?.deleteNamespace({ name: otherNs }).catch(() => undefined);
    await hub?.stop();
  });

  it('lets an operator filter the application view, back up the selection, follow it live, read it and delete it', async () => {
    const page = await signedIn('bob', '/applications');
    const frames: string[] = [];
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));

    await page.getByRole('link', { name: 'prod', exact: true }).click();
    await page.getByRole('heading', { name: 'Applications on prod', level: 1 }).waitFor();
    await page.locator(`tr[data-namespace="${shopNs}"]`).waitFor();
    await browser.screenshot(page, 'application-view');

    // Narrow to the shop namespace and its app=shop objects.
    await page.getByLabel('Namespaces', { exact: true }).fill(shopNs);
    await page.getByLabel('Workload labels').fill('app=shop');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((url) => url.searchParams.get('ns') === shopNs);
    await expect.poll(() => page.locator('tbody tr[data-namespace]').count()).toBe(1);
    const row = page.locator(`tr[data-namespace="${shopNs}"]`);
    expect(await row.innerText()).toMatch(/Deployment\s+web/);
    expect(await row.innerText()).toContain('team=web');
    expect(await page.locator(`tr[data-namespace="${otherNs}"]`).count()).toBe(0);
    await browser.screenshot(page, 'application-filtered');

    // The agent is held, so the list shows the backup pending before anything can finish it.
    process.kill(agent.process.pid as number, 'SIGSTOP');
    let held = true;
    try {
      await page.getByRole('button', { name: 'Start backup' }).click();
      const dialog = page.getByRole('dialog', { name: 'Back up from prod' });
      expect(await dialog.getByTestId('selected-namespaces').innerText()).toBe(shopNs);
      expect(await dialog.innerText()).toContain('Only objects labelled app=shop');
      await dialog.getByLabel('Location').selectOption({ label: 'disk (filesystem)' });
      await dialog.getByLabel('Name prefix').fill('console');
      await browser.screenshot(page, 'start-backup');
      await dialog.getByRole('button', { name: 'Start backup' }).click();

      await page.waitForURL((url) => url.pathname === '/backups' && url.searchParams.has('started'));
      await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
      const started = page.locator('tbody tr[data-backup^="console-"]');
      await started.waitFor();
      expect(await started.getAttribute('data-phase')).toBe('Pending');
      expect(await started.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Waiting for the agent');
      await page.evaluate('window.notReloaded = true');
      await browser.screenshot(page, 'backup-pending');
      const name = (await started.getAttribute('data-backup')) as string;

      process.kill(agent.process.pid as number, 'SIGCONT');
      held = false;
      // Well inside the list's 30 s poll: the subscription moves the row.
      await expect
        .poll(() => started.getAttribute('data-phase'), { timeout: 25_000, interval: 250 })
        .toBe('Completed');
      expect(await page.evaluate('window.notReloaded')).toBe(true);
      expect(frames.some((f) => f.includes('backupUpdated') && f.includes('"Completed"'))).toBe(true);
      const bar = started.getByRole('progressbar');
      expect(await bar.getAttribute('aria-valuenow')).toBe('100');
      expect(await bar.getAttribute('aria-valuetext')).toMatch(/^Completed · [1-9]\d* items · /);
      expect(await started.innerText()).toContain('on demand');
      await page.waitForTimeout(500); // the bar's fill eases to full
      await browser.screenshot(page, 'backup-completed');

      // The detail page: spec, per-kind counts, no problems, the job's reports.
      await started.getByRole('link', { name }).click();
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      const counts = page.getByRole('table', { name: 'Objects by kind' });
      await counts.waitFor();
      expect(await counts.locator('tr[data-resource="configmaps"] td').innerText()).toBe('2');
      expect(await counts.locator('tbody tr').allInnerTexts()).toEqual(
        expect.arrayContaining([expect.stringMatching(/deployments/)]),
      );
      const spec = await page.getByRole('region', { name: 'What it takes' }).innerText();
      expect(spec).toContain(shopNs);
      expect(spec).toContain('app=shop');
      expect(await page.getByRole('region', { name: 'Errors', exact: true }).innerText()).toContain('None.');
      const activity = page.locator('li.job[data-job-kind="backup"]');
      expect(await activity.getAttribute('data-job-phase')).toBe('Succeeded');
      // The agent's reports are throttled, so the last one the hub kept may be any of them.
      expect(await activity.innerText()).toMatch(/Last report the hub kept: .+\n[\s\S]*Ended .* after /);
      const id = new URL(page.url()).pathname.split('/').at(-1) as string;
      expect(await page.getByRole('link', { name: 'Restore…' }).getAttribute('href')).toBe(`/restores/new?backup=${id}`);
      // The log the agent reported: its first line when there is one, else that nothing was logged.
      const reported = await hub.admin<{ backup: { log: { level: string; message: string }[] } }>(
        'query($id: ID!) { backup(id: $id) { log { level message } } }',
        { id },
      );
      const logText = await page.getByRole('region', { name: 'Log', exact: true }).innerText();
      const first = reported.backup.log[0];
      if (first) expect(logText).toContain(first.message);
      else expect(logText).toContain('Nothing was logged.');
      await browser.screenshot(page, 'backup-detail');

      // Delete, confirming first; the page follows it out of the catalog.
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      const confirm = page.getByRole('dialog', { name: `Delete ${name}?` });
      expect(await confirm.innerText()).toContain('disk');
      await browser.screenshot(page, 'delete-confirm');
      await confirm.getByRole('button', { name: 'Delete backup' }).click();
      await page.getByRole('heading', { name: 'This backup has been deleted' }).waitFor({ timeout: 30_000 });
      await browser.screenshot(page, 'backup-deleted');
      const gone = await hub.gql(hub.adminToken, 'query($n: String!) { backups(filter: { nameContains: $n }) { totalCount } }', { n: name });
      expect(gone.data).toEqual({ backups: { totalCount: 0 } });
    } finally {
      if (held) process.kill(agent.process.pid as number, 'SIGCONT');
    }
  });

  it('shows a viewer the cluster, its backup history and backups, with no action to take', async () => {
    const good = await backupByApi(locationId, [shopNs]);
    expect(good.phase).toBe('Completed');
    // A location under a regular file cannot be written: a failed backup, with its error.
    const file = join(mkdtempSync(join(tmpdir(), 'fleetback-console-')), 'not-a-directory');
    writeFileSync(file, '');
    const broken = await hub.admin<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!, $p: String!) { createBackupLocation(input: { tenantId: $t, name: "broken", filesystem: { path: $p } }) { id } }',
      { t: tenantId, p: join(file, 'backups') },
    );
    const failed = await backupByApi(broken.createBackupLocation.id, [otherNs]);
    expect(failed.phase).toBe('Failed');

    const page = await signedIn('carol', '/applications');
    const chart = page.locator('tr[data-cluster="prod"] svg[role="img"]');
    await chart.waitFor();
    expect(await chart.locator('rect[data-phase="Completed"]').count()).toBeGreaterThanOrEqual(1);
    expect(await chart.locator('rect[data-phase="Failed"]').count()).toBe(1);
    expect(await page.locator('tr[data-cluster="prod"]').innerText()).toMatch(/\d+ backups?: .*1 failed/);
    await browser.screenshot(page, 'applications');

    await page.getByRole('link', { name: 'prod', exact: true }).click();
    await page.getByRole('heading', { name: 'Applications on prod', level: 1 }).waitFor();
    await page.locator(`tr[data-namespace="${shopNs}"]`).waitFor();
    expect(await page.getByRole('button', { name: 'Start backup' }).count()).toBe(0);
    expect(await page.getByTestId('read-only-note').innerText()).toContain('not start backups');
    await browser.screenshot(page, 'viewer-application');

    await page.goto(`/backups?phase=problems`);
    const failedRow = page.locator(`tbody tr[data-backup="${failed.name}"]`);
    await failedRow.waitFor();
    expect(await page.locator('tbody tr[data-backup]').count()).toBe(1);
    await browser.screenshot(page, 'backups-filtered');
    await failedRow.getByRole('link', { name: failed.name }).click();
    await page.getByRole('heading', { name: failed.name, level: 1 }).waitFor();
    expect(await page.getByRole('region', { name: 'Errors', exact: true }).innerText()).not.toContain('None.');
    expect(await page.getByRole('button', { name: /Delete/ }).count()).toBe(0);
    await browser.screenshot(page, 'backup-failed');
  });

  it("shows the hub's FORBIDDEN when a viewer's console offers the start anyway", async () => {
    const page = await browser.newPage('/');
    // The console is told carol operates the tenant; the hub knows better.
    await page.route('**/graphql', async (route) => {
      if (!route.request().postData()?.includes('query Session')) return route.continue();
      const response = await route.fetch();
      const body = (await response.json()) as { data: { me: { grants: { role: string }[] } } };
      for (const grant of body.data.me.grants) grant.role = 'operator';
      await route.fulfill({ response, json: body });
    });
    await signInWithOidc(page, idp, 'carol');
    await page.goto(`/applications/${clusterId}?ns=${shopNs}`);
    await page.locator(`tr[data-namespace="${shopNs}"]`).waitFor();
    await page.getByRole('button', { name: 'Start backup' }).click();
    const dialog = page.getByRole('dialog', { name: 'Back up from prod' });
    await dialog.getByRole('button', { name: 'Start backup' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('FORBIDDEN');
    expect(text).toMatch(/your role \(viewer\) in this tenant does not allow 'operate'/);
    await browser.screenshot(page, 'viewer-forbidden');

    // Escape closes the dialog and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Start backup');
  });

  it('reads on a narrow window, rows as cards', async () => {
    const page = await signedIn('bob', '/backups', { viewport: narrowViewport });
    await page.locator('tbody tr[data-backup]').first().waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(narrowViewport.width);
    await browser.screenshot(page, 'backups-narrow');
    await page.goto(`/applications/${clusterId}`);
    await page.locator(`tr[data-namespace="${shopNs}"]`).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(narrowViewport.width);
    await browser.screenshot(page, 'application-narrow');
  });
});
