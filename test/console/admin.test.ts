import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestAgent, type TestAgent } from '../kit/startTestAgent.ts';
import { startTestHub, type TestHub } from '../kit/startTestHub.ts';
import { waitFor } from '../world/waitFor.ts';
import type { ClusterInfo, IdpInfo } from '../world/WorldInfo.ts';
import { chromiumAvailable } from './kit/chromium.ts';
import { ensureConsoleBuilt } from './kit/ensureConsoleBuilt.ts';
import { type ConsoleBrowser, narrowViewport, openConsole } from './kit/openConsole.ts';
import { signInWithOidc } from './kit/signIn.ts';

// The tenant settings screens against a real hub with OIDC: alice (hub administrator) stores a credential whose
// secret never comes back, adds locations (checking one from a real agent when world cluster a is there),
// makes a policy from a preset, a rule, a schedule whose next runs show and which she suspends and resumes,
// binds carol's group and creates an API token she sees once. Carol (viewer) sees the lists and no action;
// when her stale page offers one anyway, the hub's FORBIDDEN is what she sees. The hub's CONFLICTs show
// with their messages.
const world = inject('world');
const withBrowser = chromiumAvailable();
const secretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe.skipIf(!withBrowser || !world.idp)('the tenant settings screens', () => {
  let hub: TestHub;
  let browser: ConsoleBrowser;
  let page: Page;
  let tenantId: string;
  let agent: TestAgent | undefined;
  const idp = () => world.idp as IdpInfo;
  const withAgent = world.clusters.length > 0;
  const locationPath = mkdtempSync(join(tmpdir(), 'fleetback-console-location-'));

  const goTo = async (p: Page, nav: string, heading: string) => {
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: nav, exact: true }).click();
    await p.getByRole('heading', { name: heading, level: 1 }).waitFor();
  };
  const dialog = (p: Page, name: string | RegExp) => p.getByRole('dialog', { name });
  const field = (scope: Locator, label: string) => scope.getByLabel(label, { exact: true });
  const row = (p: Page, attribute: string, name: string) => p.locator(`tbody tr[data-${attribute}="${name}"]`);

  beforeAll(async () => {
    ensureConsoleBuilt();
    hub = await startTestHub({ database: 'sqlite', world, oidc: true, adminGroups: ['platform-admins'] });
    tenantId = (await hub.admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "shop" }) { id } }'))
      .createTenant.id;
    await hub.admin('mutation { createTenant(input: { name: "lab" }) { id } }');
    const { registerCluster } = await hub.admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "prod-a" }) { cluster { id } enrollmentToken } }',
      { t: tenantId },
    );
    if (withAgent) {
      agent = startTestAgent({
        hubUrl: hub.url,
        kubeconfigPath: (world.clusters[0] as ClusterInfo).kubeconfigPath,
        logDir: world.logDir,
        name: 'console-admin',
        enrollmentToken: registerCluster.enrollmentToken,
      });
    }
    browser = await openConsole({ hubUrl: hub.url, suite: 'admin', logDir: world.logDir });
    page = await browser.newPage('/');
    await signInWithOidc(page, idp(), 'alice');
  });
  afterAll(async () => {
    await browser?.close();
    await agent?.stop();
    await hub?.stop();
  });

  it('asks which tenant a settings screen is for while all tenants are shown', async () => {
    await goTo(page, 'Credentials', 'Credentials');
    await page.getByRole('heading', { name: 'Choose a tenant' }).waitFor();
    await browser.screenshot(page, 'choose-tenant');
    await page.getByRole('button', { name: 'shop', exact: true }).click();
    await page.getByRole('heading', { name: 'No credentials yet' }).waitFor();
    expect(await page.getByLabel('Tenant').inputValue()).toBe(tenantId);
    await browser.screenshot(page, 'credentials-empty');
  });

  it('stores a credential whose secret is never shown again', async () => {
    await page.getByRole('button', { name: 'New credential' }).first().click();
    const form = dialog(page, 'New credential');
    await field(form, 'Name').fill('aws-prod');
    await field(form, 'Access key ID').fill('AKIAEXAMPLE');
    await field(form, 'Secret access key').fill(secretAccessKey);
    await field(form, 'Default region').fill('eu-west-1');
    expect(await field(form, 'Secret access key').getAttribute('type')).toBe('password');
    await browser.screenshot(page, 'credential-form');
    await form.getByRole('button', { name: 'Store credential' }).click();

    const stored = row(page, 'credential', 'aws-prod');
    await stored.waitFor();
    expect(await stored.innerText()).toMatch(/AWS[\s\S]*Region eu-west-1[\s\S]*secretAccessKey stored/);
    expect(await page.content()).not.toContain(secretAccessKey);
    await browser.screenshot(page, 'credentials');

    // Editing offers the secret only to replace it, blank.
    await stored.getByRole('button', { name: 'Edit aws-prod' }).click();
    const edit = dialog(page, 'Edit credential aws-prod');
    expect(await field(edit, 'Name').inputValue()).toBe('aws-prod');
    expect(await field(edit, 'Secret access key').count()).toBe(0);
    await field(edit, 'Replace the secret').check();
    expect(await field(edit, 'Secret access key').inputValue()).toBe('');
    expect(await field(edit, 'Access key ID').inputValue()).toBe('');
    expect(await field(edit, 'Default region').inputValue()).toBe('eu-west-1');
    await browser.screenshot(page, 'credential-edit');
    await page.keyboard.press('Escape');
    expect(await edit.count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe('Edit aws-prod');
  });

  it("shows the hub's CONFLICT for a duplicate name, with its message and advice", async () => {
    await page.getByRole('button', { name: 'New credential' }).first().click();
    const form = dialog(page, 'New credential');
    await field(form, 'Name').fill('aws-prod');
    await field(form, 'Access key ID').fill('AKIAOTHER');
    await field(form, 'Secret access key').fill('another-secret');
    await form.getByRole('button', { name: 'Store credential' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain("this tenant already has a credential named 'aws-prod'");
    expect(text).toContain('CONFLICT');
    expect(text).toContain('Choose another name');
    await browser.screenshot(page, 'credential-conflict');
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('adds a filesystem and an S3 location, and refuses to delete a credential a location uses', async () => {
    await goTo(page, 'Backup locations', 'Backup locations');
    await page.getByRole('heading', { name: 'No backup locations yet' }).waitFor();
    await page.getByRole('button', { name: 'New location' }).first().click();
    let form = dialog(page, 'New backup location');
    await field(form, 'Name').fill('disk');
    await field(form, 'Kind').selectOption('filesystem');
    await field(form, 'Path').fill(locationPath);
    expect(await field(form, 'Credential').count()).toBe(0);
    await browser.screenshot(page, 'location-form');
    await form.getByRole('button', { name: 'Create location' }).click();
    const disk = row(page, 'location', 'disk');
    await disk.waitFor();
    expect(await disk.innerText()).toMatch(/Filesystem[\s\S]*None needed[\s\S]*Not checked/);

    await page.getByRole('button', { name: 'New location' }).first().click();
    form = dialog(page, 'New backup location');
    await field(form, 'Name').fill('s3-prod');
    await field(form, 'Bucket').fill('shop-backups');
    await field(form, 'Prefix').fill('prod/eu');
    await field(form, 'Credential').selectOption({ label: 'aws-prod' });
    await form.getByRole('button', { name: 'Create location' }).click();
    const s3 = row(page, 'location', 's3-prod');
    await s3.waitFor();
    expect(await s3.innerText()).toMatch(/s3:\/\/shop-backups\/prod\/eu[\s\S]*aws-prod/);

    await goTo(page, 'Credentials', 'Credentials');
    await row(page, 'credential', 'aws-prod').getByRole('button', { name: 'Delete aws-prod' }).click();
    const confirm = dialog(page, 'Delete credential aws-prod?');
    await confirm.getByRole('button', { name: 'Delete credential' }).click();
    const alert = confirm.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain("credential 'aws-prod' is used by backup location(s) 's3-prod'");
    expect(await alert.innerText()).toContain('CONFLICT');
    await browser.screenshot(page, 'credential-in-use');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await row(page, 'credential', 'aws-prod').count()).toBe(1);
  });

  it.skipIf(!withAgent)("checks a location from a cluster's agent and shows the outcome", async () => {
    await waitFor(
      async () => {
        const { clusters } = await hub.admin<{ clusters: { edges: { node: { status: string } }[] } }>(
          'query($t: ID) { clusters(filter: { tenantId: $t }) { edges { node { status } } } }',
          { t: tenantId },
        );
        return clusters.edges[0]?.node.status === 'Connected';
      },
      { what: 'the agent to connect', timeoutMs: 60_000 },
    );
    await goTo(page, 'Backup locations', 'Backup locations');
    await row(page, 'location', 'disk').getByRole('button', { name: 'Check disk' }).click();
    const check = dialog(page, 'Check location disk');
    expect(await field(check, 'From cluster').inputValue()).not.toBe('');
    await check.getByRole('button', { name: 'Check now' }).click();
    await check.getByText('The agent wrote, read and deleted the probe object.').waitFor({ timeout: 60_000 });
    await browser.screenshot(page, 'location-checked');
    await check.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => row(page, 'location', 'disk').innerText()).toMatch(/Reachable[\s\S]*from prod-a/);
    await browser.screenshot(page, 'locations');
  });

  it('makes a schedule policy from a preset and edits its retention', async () => {
    await goTo(page, 'Schedule policies', 'Schedule policies');
    await page.getByRole('heading', { name: 'No schedule policies yet' }).waitFor();
    await page.getByRole('button', { name: 'New policy' }).first().click();
    const form = dialog(page, 'New schedule policy');
    await field(form, 'Start from').selectOption('daily');
    expect(await field(form, 'Name').inputValue()).toBe('daily');
    expect(await field(form, 'Repeat').inputValue()).toBe('daily');
    await form.getByText('Runs: Every day at 00:00 UTC.').waitFor();
    await browser.screenshot(page, 'policy-form');
    await form.getByRole('button', { name: 'Create policy' }).click();
    const daily = row(page, 'policy', 'daily');
    await daily.waitFor();
    expect(await daily.innerText()).toMatch(/Every day at 00:00 UTC[\s\S]*Keeps all; each deleted after 30 days/);

    await daily.getByRole('button', { name: 'Edit daily' }).click();
    const edit = dialog(page, 'Edit policy daily');
    await field(edit, 'Keep the newest').fill('7');
    await field(edit, 'Delete each after').fill('14d');
    await edit.getByRole('button', { name: 'Save policy' }).click();
    await expect.poll(() => daily.innerText()).toContain('Keeps the newest 7; each deleted after 14 days');

    // A weekly one by kind, for the words.
    await page.getByRole('button', { name: 'New policy' }).first().click();
    const weekly = dialog(page, 'New schedule policy');
    await field(weekly, 'Name').fill('weekdays');
    await field(weekly, 'Repeat').selectOption('weekly');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) await weekly.getByLabel(day).check();
    await weekly.getByLabel('Sunday').uncheck();
    await field(weekly, 'Time').fill('02:30');
    await field(weekly, 'Time zone').fill('Europe/Berlin');
    await weekly.getByRole('button', { name: 'Create policy' }).click();
    await expect
      .poll(() => row(page, 'policy', 'weekdays').innerText())
      .toContain('Every weekday (Monday to Friday) at 02:30 (Europe/Berlin)');
    await browser.screenshot(page, 'policies');
  });

  it('creates a rule with two actions', async () => {
    await goTo(page, 'Rules', 'Rules');
    await page.getByRole('heading', { name: 'No rules yet' }).waitFor();
    await page.getByRole('button', { name: 'New rule' }).first().click();
    const form = dialog(page, 'New rule');
    await field(form, 'Name').fill('mysql-freeze');
    await field(form, 'Pod selectors').fill('app=mysql');
    await field(form, 'Namespaces').fill('shop-*');
    const first = form.getByRole('group', { name: 'Action 1', exact: true });
    await field(first, 'Command').fill('mysql -e "FLUSH TABLES WITH READ LOCK"');
    await field(first, 'Container').fill('db');
    await field(first, 'Run in the background').check();
    await form.getByRole('button', { name: 'Add an action to sub-rule 1' }).click();
    const second = form.getByRole('group', { name: 'Action 2', exact: true });
    await second.getByLabel('Program and arguments (no shell)').check();
    await field(second, 'Program and arguments').fill('sync\n-f\n/var/lib/mysql');
    await field(second, 'Timeout (seconds)').fill('120');
    await field(second, 'Continue the backup if it fails').check();
    await browser.screenshot(page, 'rule-form');
    await form.getByRole('button', { name: 'Create rule' }).click();
    const rule = row(page, 'rule', 'mysql-freeze');
    await rule.waitFor();
    const text = await rule.innerText();
    expect(text).toContain('Pods matching app=mysql in shop-*');
    expect(text).toContain('mysql -e "FLUSH TABLES WITH READ LOCK"');
    expect(text).toContain('in container db, each pod, in the background');
    expect(text).toContain('sync -f /var/lib/mysql');
    expect(text).toContain('times out after 120 s, a failure does not stop the backup');
    await browser.screenshot(page, 'rules');
  });

  it('schedules backups of a cluster, shows its next runs, and suspends and resumes it', async () => {
    await goTo(page, 'Schedules', 'Backup schedules');
    await page.getByRole('heading', { name: 'No backup schedules yet' }).waitFor();
    await page.getByRole('button', { name: 'New schedule' }).first().click();
    const form = dialog(page, 'New backup schedule');
    await field(form, 'Name').fill('shop-nightly');
    await field(form, 'Cluster').selectOption({ label: 'prod-a' });
    await field(form, 'Policy').selectOption({ label: 'daily' });
    await field(form, 'Backup location').selectOption({ label: 'disk (filesystem)' });
    await field(form, 'Namespaces').fill('shop-*');
    await field(form, 'Label selectors').fill('app=web,tier in (db)');
    await field(form, 'Pre-backup rule').selectOption({ label: 'mysql-freeze' });
    await field(form, 'Backup name prefix').fill('shop');
    await form.getByText('Runs: Every day at 00:00 UTC.').waitFor();
    await browser.screenshot(page, 'schedule-form');
    await form.getByRole('button', { name: 'Create schedule' }).click();

    const schedule = row(page, 'schedule', 'shop-nightly');
    await schedule.waitFor();
    const text = await schedule.innerText();
    expect(text).toMatch(/to disk · namespaces shop-\* · selectors app=web,tier in \(db\) · before: mysql-freeze/);
    expect(text).toMatch(/prod-a[\s\S]*daily[\s\S]*Every day at 00:00 UTC/);
    expect(text).toContain('Not run yet');
    const runs = schedule.getByTestId('next-runs').locator('li');
    expect(await runs.count()).toBe(3);
    const times: string[] = [];
    for (let i = 0; i < 3; i++) times.push((await runs.nth(i).locator('time').getAttribute('datetime')) ?? '');
    const expected = await hub.admin<{ backupSchedules: { edges: { node: { nextRunTimes: string[] } }[] } }>(
      '{ backupSchedules { edges { node { nextRunTimes(count: 3) } } } }',
    );
    const apiTimes = expected.backupSchedules.edges[0]?.node.nextRunTimes ?? [];
    expect(times.map((t) => new Date(t).toISOString())).toEqual(apiTimes.map((t) => new Date(t).toISOString()));
    for (const t of times) expect(new Date(t).toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(await runs.first().innerText()).toMatch(/00:00 in /);
    await browser.screenshot(page, 'schedules');

    await schedule.getByRole('button', { name: 'Suspend shop-nightly' }).click();
    await expect.poll(() => schedule.innerText()).toContain('Suspended');
    expect(await schedule.getByTestId('next-runs').count()).toBe(0);
    await browser.screenshot(page, 'schedule-suspended');
    await schedule.getByRole('button', { name: 'Resume shop-nightly' }).click();
    await expect.poll(() => schedule.innerText()).toContain('Active');
    await expect.poll(() => schedule.getByTestId('next-runs').locator('li').count()).toBe(3);
  });

  it('refuses to delete a policy a schedule uses, with the API’s message', async () => {
    await goTo(page, 'Schedule policies', 'Schedule policies');
    await row(page, 'policy', 'daily').getByRole('button', { name: 'Delete daily' }).click();
    const confirm = dialog(page, 'Delete policy daily?');
    await confirm.getByRole('button', { name: 'Delete policy' }).click();
    const alert = confirm.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain("schedule policy 'daily' is used by backup schedule(s) 'shop-nightly'");
    await confirm.getByRole('button', { name: 'Cancel' }).click();
  });

  it("binds carol's group as viewers and creates an API token shown once", async () => {
    await goTo(page, 'Access', 'Access');
    await page.getByRole('heading', { name: 'No role bindings yet' }).waitFor();
    await page.getByRole('button', { name: 'New role binding' }).first().click();
    const bind = dialog(page, 'New role binding');
    expect(await bind.getByLabel('A group').isChecked()).toBe(true);
    await field(bind, 'Group').fill('tenant-b-viewers');
    await field(bind, 'Role').selectOption('viewer');
    await browser.screenshot(page, 'binding-form');
    await bind.getByRole('button', { name: 'Grant role' }).click();
    const binding = row(page, 'binding', 'group:tenant-b-viewers');
    await binding.waitFor();
    expect(await binding.innerText()).toMatch(/tenant-b-viewers[\s\S]*Group[\s\S]*viewer[\s\S]*All clusters and namespaces/);

    await page.getByRole('button', { name: 'New API token' }).first().click();
    const create = dialog(page, 'New API token');
    await field(create, 'Name').fill('ci-nightly');
    await field(create, 'Role').selectOption('operator');
    await create.getByLabel('prod-a').check();
    await create.getByRole('button', { name: 'Create token' }).click();
    const shown = dialog(page, 'API token ci-nightly is ready');
    const token = (await shown.getByTestId('api-token').innerText()).trim();
    expect(token).toMatch(/^fbk_api_/);
    expect(await shown.innerText()).toContain('it is shown only this once');
    await shown.getByRole('button', { name: 'Copy token' }).waitFor();
    await browser.screenshot(page, 'token-once');
    await shown.getByRole('button', { name: 'Done' }).click();

    const listed = row(page, 'token', 'ci-nightly');
    await listed.waitFor();
    expect(await listed.innerText()).toMatch(/operator[\s\S]*Cluster prod-a; all namespaces[\s\S]*Active/);
    expect(await page.content()).not.toContain(token);
    // The token works, as the role it was given.
    const me = await hub.gql<{ me: { kind: string; grants: { role: string }[] } }>(token, '{ me { kind grants { role } } }');
    expect(me.data?.me).toEqual({ kind: 'token', grants: [{ role: 'operator' }] });
    await browser.screenshot(page, 'access');
  });

  it('lets a viewer see every list and offers no action', async () => {
    const viewer = await browser.newPage('/');
    await signInWithOidc(viewer, idp(), 'carol');
    const screens: [nav: string, heading: string, attribute: string, name: string, create: string][] = [
      ['Credentials', 'Credentials', 'credential', 'aws-prod', 'New credential'],
      ['Backup locations', 'Backup locations', 'location', 'disk', 'New location'],
      ['Schedule policies', 'Schedule policies', 'policy', 'daily', 'New policy'],
      ['Rules', 'Rules', 'rule', 'mysql-freeze', 'New rule'],
      ['Schedules', 'Backup schedules', 'schedule', 'shop-nightly', 'New schedule'],
    ];
    for (const [nav, heading, attribute, name, create] of screens) {
      await goTo(viewer, nav, heading);
      await row(viewer, attribute, name).waitFor();
      expect(await viewer.getByRole('button', { name: create }).count()).toBe(0);
      expect(await viewer.locator('tbody button').count()).toBe(0);
      await browser.screenshot(viewer, `viewer-${attribute}s`);
    }
    expect(await viewer.content()).not.toContain(secretAccessKey);
    await goTo(viewer, 'Access', 'Access');
    await viewer.getByRole('heading', { name: 'Only tenant admins manage access' }).waitFor();
    await browser.screenshot(viewer, 'viewer-access');
  });

  it("shows the hub's FORBIDDEN when a stale page offers an action the role no longer allows", async () => {
    const { createRoleBinding } = await hub.admin<{ createRoleBinding: { id: string } }>(
      'mutation($t: ID!) { createRoleBinding(input: { tenantId: $t, subjectKind: user, subject: "u-carol", role: operator }) { id } }',
      { t: tenantId },
    );
    const operator = await browser.newPage('/');
    await signInWithOidc(operator, idp(), 'carol');
    await goTo(operator, 'Schedule policies', 'Schedule policies');
    await operator.getByRole('button', { name: 'New policy' }).first().click();
    const form = dialog(operator, 'New schedule policy');
    await field(form, 'Start from').selectOption('hourly');
    await hub.admin('mutation($id: ID!) { deleteRoleBinding(id: $id) }', { id: createRoleBinding.id });
    await form.getByRole('button', { name: 'Create policy' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('FORBIDDEN');
    expect(text).toContain("your role (viewer) in this tenant does not allow 'operate' here");
    expect(text).toContain('Ask an admin of the tenant');
    await browser.screenshot(operator, 'viewer-forbidden');
  });

  it('reads on a narrow window, each row a card', async () => {
    const narrow = await browser.newPage('/', { viewport: narrowViewport });
    await signInWithOidc(narrow, idp(), 'alice');
    await narrow.getByLabel('Tenant').selectOption({ label: 'shop' });
    for (const [path, attribute, name] of [
      ['/schedules', 'schedule', 'shop-nightly'],
      ['/rules', 'rule', 'mysql-freeze'],
      ['/access', 'token', 'ci-nightly'],
    ] as const) {
      await narrow.goto(path);
      await row(narrow, attribute, name).waitFor();
      expect(await narrow.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(narrowViewport.width);
      await browser.screenshot(narrow, `${path.slice(1)}-narrow`);
    }
    await narrow.getByRole('button', { name: 'New API token' }).first().click();
    await browser.screenshot(narrow, 'token-form-narrow');
    expect(await narrow.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(narrowViewport.width);
  });
});
