/**
 * Signing in, registering and signing out.
 * The page runs in a real browser against the real server; a fake GitHub
 * answers from recorded GitHub responses.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from './support/eventually.ts';
import {
  PASSWORD,
  fillCredentials,
  register,
  uniqueEmail,
} from './support/kudos-page.ts';
import { screenshot } from './support/screenshots.ts';
import { startSite } from './support/site.ts';

test('a wrong password is refused on the page, and signing out returns to /signin', async (t) => {
  const site = await startSite(t);
  const page = await site.newPage();
  const email = await register(page, uniqueEmail('signout'));

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/signin');
  // Signed out means signed out: home sends us back.
  await page.goto('/');
  await page.waitForURL('**/signin');

  await fillCredentials(page, email, 'not the password at all');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Email or password is incorrect' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/signin');
  await screenshot(page, 'd-01-wrong-password');

  await page.getByRole('tab', { name: 'Create account' }).click();
  await fillCredentials(page, 'not-an-email', 'short');
  await page.getByRole('button', { name: 'Create account' }).click();
  // The server's field errors appear under the fields they name, all of them at once.
  await page.getByText('Must be at least 8 characters').waitFor();
  await page.getByText('Must be a valid email address').waitFor();
  assert.equal(await page.getByLabel('Email').getAttribute('aria-invalid'), 'true');
  // Focus lands on the first field to fix.
  await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'email'));
  await screenshot(page, 'd-02-register-field-error');

  await page.getByRole('tab', { name: 'Sign in' }).click();
  await fillCredentials(page, email, PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByText(email).waitFor();
  await screenshot(page, 'd-03-signed-in-again');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/signin');
  await eventually(async () => assert.equal(new URL(page.url()).pathname, '/signin'));
});
