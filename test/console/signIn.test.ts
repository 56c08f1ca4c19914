import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestHub, type TestHub } from '../kit/startTestHub.ts';
import type { IdpInfo } from '../world/WorldInfo.ts';
import { chromiumAvailable } from './kit/chromium.ts';
import { ensureConsoleBuilt } from './kit/ensureConsoleBuilt.ts';
import { type ConsoleBrowser, narrowViewport, openConsole } from './kit/openConsole.ts';
import { signInWithOidc, signInWithToken } from './kit/signIn.ts';

// Signing in to the console in a real Chromium: through the world's OIDC provider (authorization code with
// PKCE as a public client), and with a pasted token on a hub without one; the tenant switcher; signing out.
const world = inject('world');
const withBrowser = chromiumAvailable();

async function must<T>(hub: TestHub, query: string, variables?: object): Promise<T> {
  const result = await hub.gql<T>(hub.adminToken, query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

async function sessionInStorage(page: Page): Promise<{ method: string; accessToken: string } | null> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('fleetback.session') ?? 'null'));
}

describe.skipIf(!withBrowser || !world.idp)('console sign-in through the identity provider', () => {
  let hub: TestHub;
  let browser: ConsoleBrowser;
  let idp: IdpInfo;
  let page: Page;

  beforeAll(async () => {
    ensureConsoleBuilt();
    idp = world.idp as IdpInfo;
    hub = await startTestHub({ database: 'sqlite', world, oidc: true, adminGroups: ['platform-admins'] });
    const tenant = async (name: string) =>
      (await must<{ createTenant: { id: string } }>(hub, `mutation { createTenant(input: { name: "${name}" }) { id } }`))
        .createTenant.id;
    const shop = await tenant('shop');
    const lab = await tenant('lab');
    // bob operates shop through his group, and views lab through a binding of his own.
    await must(hub, 'mutation($t: ID!) { createRoleBinding(input: { tenantId: $t, subjectKind: group, subject: "tenant-a-operators", role: operator }) { id } }', { t: shop });
    await must(hub, 'mutation($t: ID!) { createRoleBinding(input: { tenantId: $t, subjectKind: user, subject: "u-bob", role: viewer }) { id } }', { t: lab });
    for (const [t, name] of [[shop, 'shop-prod'], [lab, 'lab-1']] as const) {
      await must(hub, 'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { expiresAt } }', { t, n: name });
    }
    browser = await openConsole({ hubUrl: hub.url, suite: 'sign-in', logDir: world.logDir });
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('offers the provider, signs a user in there, and lands on the fleet with an access token for the hub', async () => {
    page = await browser.newPage('/');
    const button = page.getByRole('button', { name: `Sign in with ${new URL(idp.issuer).host}` });
    await button.waitFor();
    await browser.screenshot(page, 'oidc');

    await signInWithOidc(page, idp, 'bob', (login) => browser.screenshot(login, 'provider-login'));

    expect(new URL(page.url()).pathname).toBe('/fleet');
    await page.getByRole('heading', { name: 'Fleet', level: 1 }).waitFor();
    await expect(page.getByText('user bob@example.test').isVisible()).resolves.toBe(true);
    const session = await sessionInStorage(page);
    expect(session?.method).toBe('oidc');
    const claims = JSON.parse(Buffer.from(session?.accessToken.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ aud: idp.audience, sub: 'u-bob', iss: idp.issuer });
    await browser.screenshot(page, 'fleet');
  });

  it('switches between the tenants of a user in several, and the fleet follows', async () => {
    const rows = page.locator('tbody tr');
    await page.getByText('shop-prod').waitFor();
    expect(await rows.count()).toBe(2);
    const switcher = page.getByLabel('Tenant');
    expect(await switcher.locator('option').allTextContents()).toEqual(['All tenants', 'lab', 'shop']);

    await switcher.selectOption({ label: 'shop' });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-cluster')).toBe('shop-prod');
    await browser.screenshot(page, 'tenant-shop');

    await switcher.selectOption({ label: 'lab' });
    await page.locator('tbody tr[data-cluster="lab-1"]').waitFor();
    expect(await rows.count()).toBe(1);

    // The choice outlives a reload, and so does the session (sessionStorage).
    await page.reload();
    await page.locator('tbody tr[data-cluster="lab-1"]').waitFor();
    expect(await page.getByLabel('Tenant').inputValue()).not.toBe('');
  });

  it('offers no registration to a user who administers no tenant', async () => {
    await page.getByRole('heading', { name: 'Fleet', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Register a cluster' }).count()).toBe(0);
  });

  it('signs out, forgetting the token', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You signed out.').waitFor();
    expect(await sessionInStorage(page)).toBeNull();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('shows why a sign-in failed when the provider sends the browser back with an error', async () => {
    const failed = await browser.newPage('/signin/callback?error=access_denied&error_description=the+user+said+no');
    const alert = failed.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Sign-in failed: the identity provider refused the sign-in: the user said no');
    expect(new URL(failed.url()).pathname).toBe('/');
    await browser.screenshot(failed, 'refused-by-provider');
  });

  it('is keyboard navigable and fits a narrow window', async () => {
    const narrow = await browser.newPage('/', { viewport: narrowViewport });
    await signInWithOidc(narrow, idp, 'alice');
    // A fresh load (the session survives it), so the first Tab starts from the top of the page.
    await narrow.reload();
    await narrow.getByRole('heading', { name: 'Fleet', level: 1 }).waitFor();
    await narrow.keyboard.press('Tab');
    expect(await narrow.evaluate('document.activeElement?.textContent')).toBe('Skip to content');
    const menu = narrow.getByRole('button', { name: 'Menu' });
    expect(await narrow.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    await menu.focus();
    await narrow.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const fleetLink = narrow.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fleet' });
    expect(await fleetLink.getAttribute('aria-current')).toBe('page');
    await browser.screenshot(narrow, 'menu-narrow');
    // Nothing is wider than the window.
    expect(await narrow.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(narrowViewport.width);
  });
});

describe.skipIf(!withBrowser)('console sign-in on a hub without an identity provider', () => {
  let hub: TestHub;
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    ensureConsoleBuilt();
    hub = await startTestHub({ database: 'sqlite', world });
    browser = await openConsole({ hubUrl: hub.url, suite: 'token-sign-in', logDir: world.logDir });
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it("refuses a wrong token with the API's message and code, then signs in with the admin token", async () => {
    const page = await browser.newPage('/');
    await page.getByText('This hub has no identity provider').waitFor();
    expect(await page.getByRole('button', { name: /^Sign in with [^t]/ }).count()).toBe(0);
    await browser.screenshot(page, 'form');

    await signInWithToken(page, 'fbk_admin_not-the-right-one');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('unknown admin token');
    expect(text).toContain('UNAUTHENTICATED');
    expect(text).toContain('Sign in again');
    await browser.screenshot(page, 'refused');

    await signInWithToken(page, hub.adminToken);
    await page.getByRole('heading', { name: 'Fleet', level: 1 }).waitFor();
    await page.getByText('built-in admin').waitFor();
    expect((await page.evaluate(() => sessionStorage.getItem('fleetback.session'))) ?? '').toContain('"method":"token"');
  });

  it('leads a hub administrator from an empty hub to the first tenant', async () => {
    const page = await browser.newPage('/fleet');
    await signInWithToken(page, hub.adminToken);
    await page.getByText('No tenants yet').waitFor();
    await browser.screenshot(page, 'fleet-no-tenants');
    await page.getByLabel('Tenant name').fill('first');
    await page.getByRole('button', { name: 'Create tenant' }).click();
    await page.getByText('No clusters yet').waitFor();
    expect(await page.getByRole('button', { name: 'Register a cluster' }).count()).toBeGreaterThan(0);
    await browser.screenshot(page, 'fleet-no-clusters');
  });

  it('shows the not-found page for an unknown path, inside the shell', async () => {
    const page = await browser.newPage('/nowhere');
    await signInWithToken(page, hub.adminToken);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Go to the fleet' }).click();
    await page.getByRole('heading', { name: 'Fleet', level: 1 }).waitFor();
  });
});
