import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { IdpInfo } from '../../world/WorldInfo.ts';

/**
 * Signs `username` in through the console's OIDC button and the test provider's real login page (the form
 * test/world/idp/handleInteraction.ts serves), and waits until the console shows the signed-in shell.
 * `atLogin` runs on the provider's page before the form is sent (to take its screenshot, say).
 */
export async function signInWithOidc(
  page: Page,
  idp: IdpInfo,
  username: string,
  atLogin?: (page: Page) => Promise<unknown>,
): Promise<void> {
  const user = idp.users.find((u) => u.username === username);
  if (!user) throw new Error(`the test IdP has no user '${username}'`);
  await page.getByRole('button', { name: /^Sign in with / }).click();
  await page.waitForURL((url) => url.origin === new URL(idp.issuer).origin);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await atLogin?.(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  expect(new URL(page.url()).pathname).not.toBe('/signin/callback');
}

/** Signs in with a pasted token (the built-in admin token or an API token). */
export async function signInWithToken(page: Page, token: string): Promise<void> {
  const field = page.getByLabel('Admin or API token');
  // The page first asks the hub how to sign in; with OIDC the token form waits behind a disclosure.
  await page.locator('.token-form, .oidc-signin').first().waitFor();
  if (!(await field.isVisible())) await page.getByText('Sign in with a token instead').click();
  await field.fill(token);
  await page.getByRole('button', { name: 'Sign in with token' }).click();
}
