/**
 * Signing in through an external OpenID Connect issuer: a real one
 * (oidc-provider, its development sign-in pages) runs beside the site. The
 * person signs in there, comes back signed in, gives a kudo, and signs in
 * there again when pairing a phone asks for a recent sign-in.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { startTestIssuer } from '../test-support/oidc-issuer.ts';
import { eventually } from './support/eventually.ts';
import { REACT, heart, kudoNames, openTab, search, waitForPressed } from './support/kudos-page.ts';
import { screenshot } from './support/screenshots.ts';
import { startSite } from './support/site.ts';

/** The issuer's own (development) sign-in form: any login name, any password. */
async function signInAtIssuer(page: Page, issuerUrl: string, login: string): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(issuerUrl));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

test('sign in with the external issuer, give a kudo, and sign in there again to pair a phone', async (t) => {
  let issuerUrl = '';
  const site = await startSite(t, async (siteUrl) => {
    const issuer = await startTestIssuer({ redirectUris: [`${siteUrl}/api/auth/oidc/callback`] });
    t.after(() => issuer.close());
    issuerUrl = issuer.url;
    return issuer.env();
  });
  const page = await site.newPage();

  await page.goto('/');
  await page.waitForURL('**/signin');
  const button = page.getByRole('link', { name: 'Sign in with Corp SSO' });
  await button.waitFor();
  await screenshot(page, 'oidc-01-signin-choices');
  await button.click();
  await signInAtIssuer(page, issuerUrl, 'quinn');
  await page.waitForURL((url) => url.href === `${site.url}/`);
  await page.getByText('quinn@corp.example').waitFor();
  await screenshot(page, 'oidc-02-signed-in');

  await search(page, 'react');
  await heart(page, REACT).click();
  await waitForPressed(heart(page, REACT), true);
  await page.reload();
  await openTab(page, 'Kudos');
  await eventually(async () => assert.deepEqual(await kudoNames(page), [REACT]));

  // Pairing needs a recent sign-in; the first answer below is the one a session past REAUTH_MAX_AGE_SECONDS gets.
  let asked = 0;
  await page.route('**/api/account/pairings', async (route) => {
    asked += 1;
    if (asked > 1) return route.continue();
    return route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ error: { code: 'REAUTH_REQUIRED', message: 'Sign in again' } }) });
  });
  await page.goto('/account');
  await page.getByRole('button', { name: 'Pair a phone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in again with Corp SSO' });
  await dialog.waitFor();
  assert.equal(await dialog.getByLabel('Password').count(), 0, 'no password is asked of an account that has none');
  await screenshot(page, 'oidc-03-sign-in-again', { fullPage: false });
  await dialog.getByRole('link', { name: 'Continue to Corp SSO' }).click();
  // The issuer asks again (prompt=login) even though it still knows the person.
  await signInAtIssuer(page, issuerUrl, 'quinn');
  await page.waitForURL((url) => url.pathname === '/account');
  await page.getByRole('button', { name: 'Pair a phone' }).click();
  await page.getByRole('region', { name: 'Pairing link' }).waitFor();
  assert.equal(asked, 2);
  await screenshot(page, 'oidc-04-pairing-after-sign-in-again');
});

test('a sign-in that comes back refused says why on the sign-in page', async (t) => {
  const site = await startSite(t, async (siteUrl) => {
    const issuer = await startTestIssuer({ redirectUris: [`${siteUrl}/api/auth/oidc/callback`] });
    t.after(() => issuer.close());
    issuer.people.set('rita', { email: 'rita@corp.example', email_verified: false });
    return issuer.env();
  });
  const page = await site.newPage();
  await page.goto('/signin');
  await page.getByRole('link', { name: 'Sign in with Corp SSO' }).click();
  await page.locator('input[name="login"]').fill('rita');
  await page.locator('input[name="password"]').fill('x');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.waitForURL((url) => url.pathname === '/signin' && url.search === '?oidc_error=email');
  await page.getByRole('alert').filter({ hasText: 'Corp SSO did not share a verified email address' }).waitFor();
  await screenshot(page, 'oidc-05-refused');
});
