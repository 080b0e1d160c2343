/**
 * The Account page's phone number and the payment form's checks: a number
 * refused at registration is fixed on the Account page, codes can be sent
 * again after the cool-down, and the server's complaints land under the
 * fields they name.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { PASSWORD, register } from './support/kudos-page.ts';
import {
  codeFromOutbox,
  fillPayment,
  openNav,
  registerVerified,
  registerWithPhone,
  uniqueTestPhone,
  verifyPhone,
} from './support/payfriend-page.ts';
import { screenshot } from './support/screenshots.ts';
import { startSite } from './support/site.ts';

test('a phone number refused at registration is fixed on the Account page', async (t) => {
  const site = await startSite(t, { SMS_RESEND_COOLDOWN_SECONDS: '3' });
  const page = await site.newPage();

  // Without its country code the server cannot tell where the number is.
  await registerWithPhone(page, '07700 900123');
  const field = page.getByRole('form', { name: 'Phone number' }).getByLabel('Phone number');
  assert.equal(await field.inputValue(), '07700 900123');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  const problem = page.locator(`#${await field.getAttribute('aria-describedby')}`);
  assert.match(await problem.innerText(), /country code/i);
  await screenshot(page, 'payfriend-f-01-refused-phone');

  // Payments need a verified phone: the page says so and sends nowhere.
  await openNav(page, 'Payments');
  await page.getByText('you have no verified phone number yet').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Send money' }).isDisabled(), true);
  await page.getByRole('link', { name: 'Add and verify it on the Account page' }).click();
  await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();

  const number = uniqueTestPhone();
  await field.fill(number);
  await page.getByRole('button', { name: 'Send code' }).click();
  await page.getByText('We sent a 6-digit code to').waitFor();
  const resend = page.getByRole('button', { name: /^Resend code/ });
  assert.match(await resend.innerText(), /Resend code in 0:0\d/);
  assert.equal(await resend.isDisabled(), true);
  await page.getByRole('button', { name: 'Resend code', exact: true }).waitFor({ timeout: 6000 });
  await page.getByRole('button', { name: 'Resend code', exact: true }).click();
  await page.getByText('A new code is on its way.').waitFor();
  await screenshot(page, 'payfriend-f-02-code-resent');

  // A wrong code says how many tries are left; then the newest code verifies.
  const form = page.getByRole('form', { name: 'Verify phone number' });
  await form.getByLabel('6-digit code').fill('000000');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  const wrong = form.getByText(/^(Wrong code; 4 tries left|This code was replaced)/);
  await wrong.waitFor();
  await screenshot(page, 'payfriend-f-03-phone-wrong-code');

  const outbox = await site.newTab(page);
  await eventuallyTwoMessages(outbox);
  const { code } = await codeFromOutbox(outbox, /verification code/);
  await page.bringToFront();
  await verifyPhone(page, code);

  // The payment form shows the server's complaints under the right field.
  await openNav(page, 'Payments');
  await fillPayment(page, { payee: 'not an email', amount: '12,50', currency: 'EUR' });
  await page.getByRole('button', { name: 'Send money' }).click();
  await page.getByText('Must be a valid email address').waitFor();
  await page.getByText('Must use "." for decimals, e.g. 12.50').waitFor();
  assert.equal(await page.getByLabel('Amount').getAttribute('aria-invalid'), 'true');
  await fillPayment(page, { payee: 'friend@example.test', amount: '12.345', currency: 'EUR' });
  await page.getByRole('button', { name: 'Send money' }).click();
  await page.getByText(/^EUR amounts have/).waitFor();
  assert.equal(await page.getByLabel('Amount').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Amount').getAttribute('inputmode'), 'decimal');
  await screenshot(page, 'payfriend-f-04-amount-refused');
});

test('Kudos, Payments, Account and Outbox are one click apart', async (t) => {
  const site = await startSite(t);
  const page = await site.newPage();
  await register(page);
  for (const name of ['Payments', 'Account', 'Outbox', 'Kudos'] as const) {
    await openNav(page, name);
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).getAttribute('aria-current'), 'page');
  }
  await page.getByText('No kudos yet — search and tap the heart').waitFor();
  await openNav(page, 'Outbox');
  await page.getByText('No text messages yet.').waitFor();
  await screenshot(page, 'payfriend-f-05-empty-outbox');
});

test('the payments list shows the newest first, ten to a page', async (t) => {
  const site = await startSite(t);
  const page = await site.newPage();
  const email = await registerVerified(page);

  // Eleven payments made by a script with a bearer token, as an API client would.
  const token = await site.app.inject({ method: 'POST', url: '/api/auth/token', payload: { email, password: PASSWORD } });
  const authorization = `Bearer ${(token.json() as { access_token: string }).access_token}`;
  for (let n = 1; n <= 11; n += 1) {
    const made = await site.app.inject({
      method: 'POST',
      url: '/api/payments',
      headers: { authorization, 'idempotency-key': `list-${n}` },
      payload: { payee: `friend${n}@example.test`, amount: `${n}.00`, currency: 'EUR' },
    });
    assert.equal(made.statusCode, 201, made.body);
  }

  await openNav(page, 'Payments');
  const list = page.getByRole('list', { name: 'Your payments, newest first' });
  await list.getByText('To friend11@example.test').waitFor();
  assert.equal(await list.getByRole('link').count(), 10);
  assert.match(await list.getByRole('link').first().innerText(), /friend11@example\.test[\s\S]*€11\.00[\s\S]*Waiting for approval/);
  await page.getByText('11 payments').waitFor();
  await screenshot(page, 'payfriend-f-06-payments-page-1');

  await page.getByRole('button', { name: 'Go to page 2' }).click();
  await list.getByText('To friend1@example.test').waitFor();
  assert.equal(await list.getByRole('link').count(), 1);
  assert.equal(new URL(page.url()).searchParams.get('page'), '2');
  await screenshot(page, 'payfriend-f-07-payments-page-2');
});

async function eventuallyTwoMessages(outbox: Page): Promise<void> {
  await outbox.goto('/outbox');
  await outbox.getByRole('status').filter({ hasText: '2 messages' }).waitFor({ timeout: 10_000 });
}
