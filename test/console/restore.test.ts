import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestAgent, type TestAgent } from '../kit/startTestAgent.ts';
import { startTestHub, type TestHub } from '../kit/startTestHub.ts';
import { waitFor } from '../world/waitFor.ts';
import type { ClusterInfo, IdpInfo } from '../world/WorldInfo.ts';
import { chromiumAvailable } from './kit/chromium.ts';
import { ensureConsoleBuilt } from './kit/ensureConsoleBuilt.ts';
import { type ConsoleBrowser, narrowViewport, openConsole } from './kit/openConsole.ts';
import { signInWithOidc } from './kit/signIn.ts';

// The restore wizard against a real hub, real agents and real clusters: a backup of a namespace of world
// cluster a (taken through the API in setup) is restored by an operator through the browser into a new
// namespace of world cluster b — choices, dry-run plan, run, live progress, per-item results — and the
// ConfigMaps are then read from cluster b. Partially failed and failed restores show their failures; a
// viewer cannot start one, and is shown the hub's FORBIDDEN when the console offered it anyway.
const world = inject('world');
const withBrowser = chromiumAvailable();
const run = Date.now().toString(36);
const namespace = `shop-${run}`;
const copy = `${namespace}-copy`;
const partial = `${namespace}-partial`;
const configMaps = ['settings', 'flags', 'prices'];

type Phase = 'Pending' | 'Running' | 'Completed' | 'PartiallyFailed' | 'Failed';

function coreApi(cluster: ClusterInfo): CoreV1Api {
  const kc = new KubeConfig();
  kc.loadFromFile(cluster.kubeconfigPath);
  return kc.makeApiClient(CoreV1Api);
}

describe.skipIf(!withBrowser || !world.idp || world.clusters.length < 2)('the restore wizard and restore screens', () => {
  let hub: TestHub;
  let browser: ConsoleBrowser;
  let page: Page;
  let tenantId: string;
  let sourceId: string;
  let targetId: string;
  let backupId: string;
  let backupName: string;
  let backupCounts: Record<string, number>;
  let restoreId: string;
  let agentA: TestAgent;
  let agentB: TestAgent;
  const fsPath = mkdtempSync(join(tmpdir(), 'fleetback-restore-location-'));
  const [clusterA, clusterB] = world.clusters as [ClusterInfo, ClusterInfo];
  const coreA = coreApi(clusterA);
  const coreB = coreApi(clusterB);

  const admin = async <T>(query: string, variables?: object): Promise<T> => {
    const result = await hub.gql<T>(hub.adminToken, query, variables);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  };
  const register = (name: string) =>
    admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
      'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { cluster { id } enrollmentToken } }',
      { t: tenantId, n: name },
    ).then((r) => r.registerCluster);
  const connected = (id: string) =>
    waitFor(
      async () =>
        (await admin<{ cluster: { status: string } }>('query($id: ID!) { cluster(id: $id) { status } }', { id })).cluster
          .status === 'Connected',
      { what: 'the agent to connect', timeoutMs: 60_000 },
    );
  const bind = (group: string, role: string) =>
    admin<{ createRoleBinding: { id: string } }>(
      'mutation($t: ID!, $s: String!, $r: Role!) { createRoleBinding(input: { tenantId: $t, subjectKind: group, subject: $s, role: $r }) { id } }',
      { t: tenantId, s: group, r: role },
    ).then((r) => r.createRoleBinding.id);
  /** Queues a restore through the API (the browser's own is the first test). */
  const restoreByApi = (input: object) =>
    admin<{ createRestore: { id: string } }>('mutation($i: CreateRestoreInput!) { createRestore(input: $i) { id } }', {
      i: { backupId, targetClusterId: targetId, ...input },
    }).then((r) => r.createRestore.id);
  const ended = (id: string) =>
    waitFor(
      async () => {
        const { restore } = await admin<{ restore: { phase: Phase } }>('query($id: ID!) { restore(id: $id) { phase } }', { id });
        return ['Completed', 'PartiallyFailed', 'Failed'].includes(restore.phase) ? restore.phase : undefined;
      },
      { what: 'the restore to end', timeoutMs: 90_000 },
    );
  const startTargetAgent = (credentialFile?: string, enrollmentToken?: string) =>
    startTestAgent({
      hubUrl: hub.url,
      kubeconfigPath: clusterB.kubeconfigPath,
      logDir: world.logDir,
      name: 'restore-target',
      ...(credentialFile ? { credentialFile } : {}),
      ...(enrollmentToken ? { enrollmentToken } : {}),
    });

  beforeAll(async () => {
    ensureConsoleBuilt();
    hub = await startTestHub({ database: 'sqlite', world, oidc: true, adminGroups: ['platform-admins'] });
    tenantId = (await admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "shop" }) { id } }'))
      .createTenant.id;
    await bind('tenant-a-operators', 'operator'); // bob
    await bind('tenant-b-viewers', 'viewer'); // carol

    const source = await register('source');
    const target = await register('target');
    sourceId = source.cluster.id;
    targetId = target.cluster.id;
    agentA = startTestAgent({
      hubUrl: hub.url,
      kubeconfigPath: clusterA.kubeconfigPath,
      logDir: world.logDir,
      name: 'restore-source',
      enrollmentToken: source.enrollmentToken,
    });
    agentB = startTargetAgent(undefined, target.enrollmentToken);
    await Promise.all([connected(sourceId), connected(targetId)]);

    // A namespace of cluster a with three ConfigMaps (the selector keeps out the ones Kubernetes adds itself).
    await coreA.createNamespace({ body: { metadata: { name: namespace } } });
    for (const name of configMaps) {
      await coreA.createNamespacedConfigMap({ namespace, body: { metadata: { name, labels: { app: 'shop' } }, data: { k: name } } });
    }
    const location = await admin<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!, $p: String!) { createBackupLocation(input: { tenantId: $t, name: "disk", filesystem: { path: $p } }) { id } }',
      { t: tenantId, p: fsPath },
    );
    const created = await admin<{ createBackup: { id: string; name: string } }>(
      'mutation($c: ID!, $l: ID!, $ns: [String!]!) { createBackup(input: { clusterId: $c, locationId: $l, name: "shop-nightly", includeNamespaces: $ns, labelSelectors: ["app=shop"] }) { id name } }',
      { c: sourceId, l: location.createBackupLocation.id, ns: [namespace] },
    );
    backupId = created.createBackup.id;
    backupName = created.createBackup.name;
    const backup = await waitFor(
      async () => {
        const data = await admin<{ backup: { phase: string; result: { countsByKind: { resource: string; count: number }[] } | null } }>(
          'query($id: ID!) { backup(id: $id) { phase result { countsByKind { resource count } } } }',
          { id: backupId },
        );
        return ['Completed', 'PartiallyFailed', 'Failed'].includes(data.backup.phase) ? data.backup : undefined;
      },
      { what: 'the backup to end', timeoutMs: 90_000 },
    );
    expect(backup.phase).toBe('Completed');
    backupCounts = Object.fromEntries(backup.result?.countsByKind.map((c) => [c.resource, c.count]) ?? []);
    expect(backupCounts).toEqual({ configmaps: 3, namespaces: 1 });

    browser = await openConsole({ hubUrl: hub.url, suite: 'restore', logDir: world.logDir });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([agentA?.stop(), agentB?.stop()]);
    await hub?.stop();
    await coreA.deleteNamespace({ name: namespace }).catch(() => {});
    for (const ns of [copy, partial, `${namespace}-failed`]) await coreB.deleteNamespace({ name: ns }).catch(() => {});
    rmSync(fsPath, { recursive: true, force: true });
  });

  it('takes an operator from the backup through choices and a dry-run plan to a restore that completes live', async () => {
    page = await browser.newPage(`/restores/new?backup=${backupId}`);
    await signInWithOidc(page, world.idp as IdpInfo, 'bob');
    await page.getByRole('heading', { name: 'Restore a backup', level: 1 }).waitFor();
    expect(new URL(page.url()).search).toBe(`?backup=${backupId}`);
    const card = page.getByRole('region', { name: 'Backup to restore' });
    await expect.poll(() => card.innerText()).toContain(backupName);
    expect(await card.innerText()).toContain('source');
    await browser.screenshot(page, 'wizard-choices');

    // Cluster b, the namespace under a new name, everything kept, existing objects skipped.
    await page.getByLabel('Target cluster').selectOption({ label: 'target' });
    await page.getByLabel(`New name for ${namespace}`).fill(copy);
    for (const kind of ['configmaps', 'namespaces']) {
      expect(await page.getByRole('checkbox', { name: kind }).isChecked()).toBe(true);
    }
    expect(await page.getByRole('radio', { name: /Leave it as it is \(skip\)/ }).isChecked()).toBe(true);
    await browser.screenshot(page, 'wizard-filled');

    await page.getByRole('button', { name: 'Preview the restore (dry run)' }).click();
    const plan = page.getByRole('region', { name: /Dry-run plan/ });
    await plan.getByTestId('plan-count').waitFor({ timeout: 60_000 });
    expect(await plan.getByTestId('plan-count').innerText()).toBe('4');
    for (const [kind, count] of Object.entries(backupCounts)) {
      expect(await plan.locator(`tr[data-resource="${kind}"] td`).innerText()).toBe(String(count));
    }
    // The heading took focus, so keyboard and screen-reader users land on the plan.
    expect(await page.evaluate('document.activeElement?.id')).toBe('plan-title');
    await browser.screenshot(page, 'dry-run-plan');

    // The dry run changed nothing in cluster b.
    await expect(coreB.readNamespace({ name: copy })).rejects.toThrow();

    // With the target's agent away, the restore waits in the queue; the page says so, then follows it live.
    await agentB.stop();
    await page.getByRole('button', { name: 'Run the restore' }).click();
    await page.waitForURL((url) => /^\/restores\/[\w-]+$/.test(url.pathname) && url.pathname !== '/restores/new');
    restoreId = new URL(page.url()).pathname.split('/').pop() as string;
    await page.getByRole('heading', { name: `Restore of ${backupName}`, level: 1 }).waitFor();
    await page.getByText('Queued: waiting for the agent of').waitFor();
    expect(await page.getByTestId('namespace-mapping').innerText()).toBe(`${namespace} → ${copy}`);
    await browser.screenshot(page, 'restore-queued');
    await page.evaluate('window.sameDocument = true');

    agentB = startTargetAgent(agentB.credentialFile);
    await page.getByRole('heading', { name: '✓ Restore completed' }).waitFor({ timeout: 90_000 });
    expect(await page.evaluate('window.sameDocument')).toBe(true);
    expect(await page.locator('.callout-ok').innerText()).toContain('4 created, 0 updated, 0 skipped');
    await browser.screenshot(page, 'restore-completed');

    // Every item, created, with its uid in the target.
    const rows = page.locator('.items-table tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const items = (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-item')))).sort();
    expect(items).toEqual([...configMaps.map((n) => `configmaps ${copy}/${n}`), `namespaces /${copy}`].sort());
    for (const text of await rows.allInnerTexts()) {
      expect(text).toContain('created');
      expect(text).toMatch(/uid [0-9a-f-]{36}/);
    }
    await page.getByRole('button', { name: 'Failed (0)' }).click();
    await page.getByText('No failed items').waitFor();
    await page.getByRole('button', { name: 'Created (4)' }).click();
    await expect.poll(() => rows.count()).toBe(4);
    await browser.screenshot(page, 'restore-items');

    // …and the ConfigMaps are in the new namespace of cluster b, with the backup's data.
    for (const name of configMaps) {
      const restored = await coreB.readNamespacedConfigMap({ namespace: copy, name });
      expect(restored.data).toEqual({ k: name });
      expect(restored.metadata?.labels).toMatchObject({ app: 'shop', 'fleetback.io/restore': expect.any(String) });
    }
  });

  it('lists restores and dry runs with their phase, and offers the backups to restore', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Restores' }).click();
    await page.getByRole('heading', { name: 'Restores', level: 1 }).waitFor();
    const rows = page.locator('.restore-table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const [restore, dryRun] = await rows.allInnerTexts();
    expect(restore).toContain('Completed');
    expect(restore).toContain(backupName);
    expect(restore).toMatch(/source →\s*target/);
    expect(restore).toContain(`${namespace} → ${copy}`);
    expect(restore).toContain('4 created');
    expect(dryRun).toContain('Dry run');
    await browser.screenshot(page, 'list');

    await page.getByLabel('Phase').selectOption({ label: 'Failed' });
    await page.getByText('No restores match').waitFor();
    await page.getByLabel('Phase').selectOption({ label: 'All phases' });
    await expect.poll(() => rows.count()).toBe(2);

    await page.getByRole('button', { name: 'Restore a backup' }).click();
    await page.getByRole('heading', { name: 'Which backup?' }).waitFor();
    await page.getByRole('link', { name: `Restore ${backupName}` }).waitFor();
    await browser.screenshot(page, 'backup-picker');
    await page.getByRole('link', { name: `Restore ${backupName}` }).click();
    await page.getByLabel('Target cluster').waitFor();
    expect(new URL(page.url()).search).toBe(`?backup=${backupId}`);
  });

  it('shows a partially failed restore with its failures, never as a success', async () => {
    // In cluster b, an immutable ConfigMap the restore may not update: that one item fails, the rest apply.
    await coreB.createNamespace({ body: { metadata: { name: partial } } });
    await coreB.createNamespacedConfigMap({
      namespace: partial,
      body: { metadata: { name: 'settings' }, immutable: true, data: { k: 'changed by hand' } },
    });
    const id = await restoreByApi({ namespaceMapping: [{ from: namespace, to: partial }], existingResourcePolicy: 'update' });
    expect(await ended(id)).toBe('PartiallyFailed');

    await page.goto(`/restores/${id}`);
    const outcome = page.locator('section.callout-warn');
    await page.getByRole('heading', { name: '⚠ Restore partially failed' }).waitFor();
    const text = await outcome.innerText();
    expect(text).toContain('1 item failed');
    expect(text).toMatch(/could not restore configmaps .*settings/);
    await page.getByRole('button', { name: 'Show the failed items' }).click();
    expect(await page.getByRole('button', { name: 'Failed (1)' }).getAttribute('aria-pressed')).toBe('true');
    const failed = page.locator('.items-table tbody tr');
    await expect.poll(() => failed.count()).toBe(1);
    expect(await failed.getAttribute('data-item')).toBe(`configmaps ${partial}/settings`);
    expect(await failed.innerText()).toMatch(/immutable/i);
    await browser.screenshot(page, 'partially-failed');
  });

  it('shows a failed restore with its error and what to do', async () => {
    // The archive is gone from the location: the agent fails the restore before applying anything.
    rmSync(join(fsPath, 'backups', backupId, 'resources.tar.gz'));
    const id = await restoreByApi({ namespaceMapping: [{ from: namespace, to: `${namespace}-failed` }] });
    expect(await ended(id)).toBe('Failed');

    await page.goto(`/restores/${id}`);
    await page.getByRole('heading', { name: '✗ Restore failed' }).waitFor();
    const text = await page.locator('section.callout-bad').innerText();
    expect(text).toMatch(/resources\.tar\.gz|no such file|not found/i);
    expect(text).toContain('Nothing was applied to the target cluster.');
    expect(text).toContain('can read the backup’s location');
    await browser.screenshot(page, 'failed');

    // "Restore again" opens the wizard with the same choices.
    await page.getByRole('link', { name: 'Restore again with these choices' }).click();
    await page.getByLabel('Target cluster').waitFor();
    expect(await page.getByLabel('Target cluster').inputValue()).toBe(targetId);
    expect(await page.getByLabel(`New name for ${namespace}`).inputValue()).toBe(`${namespace}-failed`);
  });

  it('lets a viewer look but not restore, and shows the hub’s FORBIDDEN when the console offered it anyway', async () => {
    const viewer = await browser.newPage(`/restores/new?backup=${backupId}`);
    await signInWithOidc(viewer, world.idp as IdpInfo, 'carol');
    await viewer.getByText('You can look at these choices but not restore').waitFor();
    const preview = viewer.getByRole('button', { name: 'Preview the restore (dry run)' });
    expect(await preview.isDisabled()).toBe(true);
    expect(await viewer.getByLabel('Target cluster').isDisabled()).toBe(true);
    await browser.screenshot(viewer, 'viewer');
    await viewer.goto('/restores');
    await viewer.locator('.restore-table tbody tr').first().waitFor();
    expect(await viewer.getByRole('button', { name: 'Restore a backup' }).count()).toBe(0);

    // Carol's group is made operator, she opens the wizard, and loses the role before she sends it.
    const operator = await bind('tenant-b-viewers', 'operator');
    await viewer.goto(`/restores/new?backup=${backupId}`);
    await viewer.getByLabel('Target cluster').selectOption({ label: 'target' });
    expect(await preview.isDisabled()).toBe(false);
    await admin('mutation($id: ID!) { deleteRoleBinding(id: $id) }', { id: operator });
    await preview.click();
    const alert = viewer.getByRole('alert').filter({ hasText: 'FORBIDDEN' });
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('The hub did not start the dry run');
    expect(text).toContain("your role (viewer) in this tenant does not allow 'operate' here");
    expect(text).toContain('Ask an admin of the tenant');
    await browser.screenshot(viewer, 'viewer-forbidden');
  });

  it('checks the choices before asking the hub, and reads on a narrow window with the keyboard', async () => {
    const narrow = await browser.newPage(`/restores/new?backup=${backupId}`, { viewport: narrowViewport });
    await signInWithOidc(narrow, world.idp as IdpInfo, 'bob');
    await narrow.getByLabel('Target cluster').waitFor();
    await narrow.getByLabel(`New name for ${namespace}`).fill('Not_A_Namespace');
    await narrow.getByRole('button', { name: 'Preview the restore (dry run)' }).click();
    const problems = narrow.getByRole('alert').filter({ hasText: 'Correct these first' });
    await problems.waitFor();
    expect(await problems.innerText()).toContain('Choose the cluster to restore into.');
    expect(await problems.innerText()).toContain("Row 1: 'Not_A_Namespace' is not a valid namespace name.");
    expect(await narrow.getByLabel(`New name for ${namespace}`).getAttribute('aria-invalid')).toBe('true');
    expect(await narrow.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(narrowViewport.width);
    await browser.screenshot(narrow, 'wizard-narrow');

    // The restore's page as cards; its result filter worked from the keyboard alone.
    await narrow.goto(`/restores/${restoreId}`);
    await narrow.getByRole('heading', { name: '✓ Restore completed' }).waitFor();
    await narrow.locator('.items-table tbody tr').first().waitFor();
    expect(await narrow.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(narrowViewport.width);
    await browser.screenshot(narrow, 'restore-narrow');
    const skipped = narrow.getByRole('button', { name: 'Skipped (0)' });
    for (let i = 0; i < 40 && !(await skipped.evaluate((b) => b.matches(':focus'))); i++) {
      await narrow.keyboard.press('Tab');
    }
    await narrow.keyboard.press('Enter');
    expect(await skipped.getAttribute('aria-pressed')).toBe('true');
    await narrow.getByText('No skipped items').waitFor();
  });
});
