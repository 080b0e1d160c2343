/**
 * Live updates when connections fail: the waiting page's status stream comes
 * back by itself, and a phone whose event stream cannot be opened polls for
 * approvals instead.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  PHONE,
  approvalCard,
  pairPhone,
  registerVerified,
  sendPayment,
  waitForPaymentPage,
  waitForStatus,
} from './support/payfriend-page.ts';
import { register } from './support/kudos-page.ts';
import { screenshot } from './support/screenshots.ts';
import { startSite } from './support/site.ts';

test('the waiting page says it is reconnecting, and reconnects by itself', async (t) => {
  const site = await startSite(t);
  const payer = await site.newPage();
  const phone = await site.newPage(PHONE);
  await registerVerified(payer);
  await pairPhone(payer, phone);

  // The status stream cannot be opened for now.
  await payer.route('**/api/payments/*/events', (route) => route.abort('connectionreset'));
  await sendPayment(payer, { payee: 'friend@example.test', amount: '5', currency: 'CHF' });
  const hint = payer.getByText('Lost the connection to the server — reconnecting…');
  await hint.waitFor();
  await waitForStatus(payer, 'pending');
  await screenshot(payer, 'payfriend-g-01-reconnecting');

  await payer.unroute('**/api/payments/*/events');
  await hint.waitFor({ state: 'hidden', timeout: 15_000 });

  // Back on the stream: the phone's approval arrives without a reload.
  await approvalCard(phone, 'CHF 5.00').getByRole('button', { name: /^Approve/ }).click();
  await waitForStatus(payer, 'approved');
  await screenshot(payer, 'payfriend-g-02-approved-after-reconnect');
});

test('a phone whose event stream fails polls for approvals instead', async (t) => {
  const site = await startSite(t);
  const payer = await site.newPage();
  const phone = await site.newPage(PHONE);
  await registerVerified(payer);
  await pairPhone(payer, phone);

  await phone.route('**/api/device/events', (route) => route.abort('connectionreset'));
  await phone.reload();
  await phone.getByText('Reconnecting… checking every 5 s').waitFor();

  await payer.goto('/payments');
  await payer.getByRole('form', { name: 'Send money' }).getByLabel('Payee email').fill('friend@example.test');
  await payer.getByLabel('Amount').fill('3.50');
  await payer.getByLabel('Currency').selectOption('USD');
  await payer.getByRole('button', { name: 'Send money' }).click();
  await waitForPaymentPage(payer);

  const card = approvalCard(phone, '$3.50');
  await card.waitFor({ timeout: 12_000 });
  await screenshot(phone, 'payfriend-g-03-phone-polling');
  await card.getByRole('button', { name: /^Approve/ }).click();
  await phone.getByText('You approved $3.50 to friend@example.test.').waitFor();
  await waitForStatus(payer, 'approved');

  // When the stream works again, the phone goes back to it.
  await phone.unroute('**/api/device/events');
  await phone.getByText('Live', { exact: true }).waitFor({ timeout: 40_000 });
  assert.equal(await phone.getByText('Reconnecting…').count(), 0);
});

test('an unknown payment says so', async (t) => {
  const site = await startSite(t);
  const payer = await site.newPage();
  await register(payer);
  await payer.goto('/payments/00000000-0000-4000-8000-000000000000');
  await payer.getByRole('alert').filter({ hasText: 'No such payment' }).waitFor();
  await screenshot(payer, 'payfriend-g-04-unknown-payment');
});
