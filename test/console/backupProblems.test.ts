import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { aBackup } from '../kit/seedCatalog.ts';
import { type SeedableHub, startSeedableHub } from '../kit/startSeedableHub.ts';
import type { IdpInfo } from '../world/WorldInfo.ts';
import { chromiumAvailable } from './kit/chromium.ts';
import { ensureConsoleBuilt } from './kit/ensureConsoleBuilt.ts';
import { type ConsoleBrowser, openConsole } from './kit/openConsole.ts';
import { signInWithOidc } from './kit/signIn.ts';

// The backup page shows each warning and error with the object it concerns (type, namespace, name) apart from
// its message, as the hub serves them in `Backup.warnings` and `Backup.errors`.
const world = inject('world');
const withBrowser = chromiumAvailable();

describe.skipIf(!withBrowser || !world.idp)('the errors and warnings of a backup', () => {
  let hub: SeedableHub;
  let browser: ConsoleBrowser;
  let backupId: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    hub = await startSeedableHub({ database: 'sqlite', world, oidc: true, adminGroups: ['platform-admins'] });
    const tenant = await hub.admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "shop" }) { id } }');
    const registered = await hub.admin<{ registerCluster: { cluster: { id: string } } }>(
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "prod" }) { cluster { id } } }',
      { t: tenant.createTenant.id },
    );
    backupId = await aBackup(tenant.createTenant.id, registered.registerCluster.cluster.id)
      .named('partly')
      .inPhase('PartiallyFailed')
      .withProblems({
        warnings: [{ type: null, namespace: null, name: null, message: "includeNamespaces: 'x*' matches no namespace in the cluster" }],
        errors: [
          { type: 'configmaps', namespace: 'shop', name: 'settings', message: 'could not be read: HTTP 500' },
          { type: 'secrets', namespace: 'shop', name: null, message: 'could not be listed: HTTP 403' },
        ],
      })
      .insert(hub.orm);
    browser = await openConsole({ hubUrl: hub.url, suite: 'backup-problems', logDir: world.logDir });
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('lists each with its object and message', async () => {
    const page = await browser.newPage('/');
    await signInWithOidc(page, world.idp as IdpInfo, 'alice');
    await page.goto(`/backups/${backupId}`);
    await page.getByRole('heading', { name: 'partly', level: 1 }).waitFor();
    const errors = page.getByRole('region', { name: 'Errors', exact: true });
    expect(await errors.getByRole('heading').innerText()).toBe('Errors (2)');
    const setting = errors.locator('li[data-type="configmaps"][data-namespace="shop"][data-name="settings"]');
    expect(await setting.locator('code').innerText()).toBe('configmaps shop/settings');
    expect(await setting.innerText()).toBe('configmaps shop/settings could not be read: HTTP 500');
    expect(await errors.locator('li[data-type="secrets"] code').innerText()).toBe('secrets shop');
    const warnings = page.getByRole('region', { name: 'Warnings', exact: true });
    const warning = warnings.locator('li');
    expect(await warning.count()).toBe(1);
    // A problem of no one object shows its message alone.
    expect(await warning.locator('code').count()).toBe(0);
    expect(await warning.innerText()).toBe("includeNamespaces: 'x*' matches no namespace in the cluster");
    await browser.screenshot(page, 'backup-problems');
  });
});
