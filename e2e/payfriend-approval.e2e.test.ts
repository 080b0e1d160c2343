/**
 * Payfriend with a paired phone: two browser contexts in one Chromium, the
 * payer's computer and the phone that approves. The page runs against the
 * real server; text messages land in its local outbox.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PASSWORD } from './support/kudos-page.ts';
import {
  PHONE,
  approvalCard,
  codeFromOutbox,
  fillPayment,
  makePairingLink,
  openNav,
  pairOnPhone,
  pairPhone,
  registerVerified,
  registerWithPhone,
  sendPayment,
  uniqueTestPhone,
  verifyPhone,
  waitForPaymentPage,
  waitForStatus,
} from './support/payfriend-page.ts';
import { screenshot } from './support/screenshots.ts';
import { startSite } from './support/site.ts';

test('register with a phone, verify it, pair a phone, and approve a payment on it', async (t) => {
  const site = await startSite(t);
  const payer = await site.newPage();
  const phone = await site.newPage(PHONE);

  // Registering with a phone number lands on the Account page, a code already sent.
  const number = uniqueTestPhone();
  await registerWithPhone(payer, number);
  await payer.getByText('We sent a 6-digit code to').waitFor();
  await screenshot(payer, 'payfriend-a-01-account-code-sent');

  const { code, text } = await codeFromOutbox(payer, /verification code/);
  assert.match(text, /To \+44 7700 900\d{3}/);
  await screenshot(payer, 'payfriend-a-02-outbox');

  await openNav(payer, 'Account');
  await verifyPhone(payer, code);
  await screenshot(payer, 'payfriend-a-03-phone-verified');

  // The sign-in is seconds old, so the server would not ask for the password yet: its first
  // answer is replaced by the one it gives once REAUTH_MAX_AGE_SECONDS have passed.
  let asked = 0;
  await payer.route('**/api/account/pairings', async (route) => {
    asked += 1;
    if (asked > 1) return route.continue();
    return route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'REAUTH_REQUIRED', message: 'Enter your password again (POST /api/auth/reauthenticate), then retry' } }),
    });
  });
  await payer.getByRole('button', { name: 'Pair a phone' }).click();
  const dialog = payer.getByRole('dialog', { name: 'Confirm your password' });
  await dialog.getByLabel('Password').fill('not my password');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.getByText('That password is not right').waitFor();
  await screenshot(payer, 'payfriend-a-04-reauth-wrong-password', { fullPage: false });
  await dialog.getByLabel('Password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.waitFor({ state: 'hidden' });

  const region = payer.getByRole('region', { name: 'Pairing link' });
  const link = await region.getByRole('link').getAttribute('href');
  assert.ok(link?.startsWith(`${site.url}/authenticator/pair#code=`), `pairing link: ${link}`);
  assert.ok(link);
  assert.match(await region.getByRole('img', { name: 'QR code of the pairing link' }).getAttribute('src') ?? '', /^data:image\/png;base64,/);
  assert.match(await region.innerText(), /Expires in \d:\d\d/);
  assert.equal(asked, 2);
  await screenshot(payer, 'payfriend-a-05-pairing-link');

  // The phone opens the link, names itself after its browser, and pairs.
  await phone.goto(link);
  assert.equal(await phone.getByLabel('Device name').inputValue(), 'Chrome on Android');
  await screenshot(phone, 'payfriend-a-06-phone-pair');
  await phone.getByRole('button', { name: 'Pair this phone' }).click();
  await phone.waitForURL((url) => url.pathname === '/authenticator');
  await phone.getByRole('status').filter({ hasText: 'Paired!' }).waitFor();
  await phone.getByText('Nothing to approve right now.').waitFor();
  await phone.getByText('Live', { exact: true }).waitFor();
  await screenshot(phone, 'payfriend-a-07-phone-paired');

  // The Account page notices the new device by itself.
  await payer.getByText('“Chrome on Android” is paired').waitFor();
  const devices = payer.getByRole('list', { name: 'Paired devices' });
  await devices.getByText('Chrome on Android').waitFor();
  assert.match(await devices.innerText(), /Paired .* · Last used just now/);
  await screenshot(payer, 'payfriend-a-08-account-device');

  // A double click sends one submission: the same Idempotency-Key, one payment.
  const keys: string[] = [];
  payer.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/payments') keys.push(request.headers()['idempotency-key'] ?? '');
  });
  await openNav(payer, 'Payments');
  await fillPayment(payer, { payee: 'friend@example.test', amount: '12.50', currency: 'EUR' });
  await payer.getByRole('button', { name: 'Send money' }).dblclick();
  const paymentId = await waitForPaymentPage(payer);
  assert.ok(keys.length >= 1 && keys.every((key) => key === keys[0]), `keys: ${keys.join(', ')}`);
  assert.match(keys[0] ?? '', /^[0-9a-f-]{36}$/);
  const waitingUrl = payer.url();
  await payer.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
  await waitForStatus(payer, 'pending');
  await payer.getByText('€12.50').waitFor();
  await screenshot(payer, 'payfriend-a-09-waiting');

  // The phone shows what is to be approved, live.
  const card = approvalCard(phone, '€12.50');
  await card.waitFor();
  const cardText = await card.innerText();
  assert.match(cardText, /to friend@example\.test/);
  assert.match(cardText, /From\s+127\.0\.0\.1 · Chrome on Linux/);
  assert.match(cardText, /Expires\s+in [45]:\d\d/);
  await screenshot(phone, 'payfriend-a-10-phone-request');

  await card.getByRole('button', { name: 'Approve €12.50 to friend@example.test' }).click();
  await phone.getByText('You approved €12.50 to friend@example.test.').waitFor();
  await phone.getByText('Nothing to approve right now.').waitFor();
  await screenshot(phone, 'payfriend-a-11-phone-approved');

  // The payer's page hears it over its event stream: no reload, no navigation.
  await waitForStatus(payer, 'approved');
  await payer.getByText(/Approved on your authenticator phone at .*\. The payment to friend@example\.test is authorised\./).waitFor();
  assert.equal(payer.url(), waitingUrl);
  assert.equal(await payer.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage), true);
  await screenshot(payer, 'payfriend-a-12-approved');

  await payer.getByRole('link', { name: 'All payments' }).click();
  const list = payer.getByRole('list', { name: 'Your payments, newest first' });
  await list.getByText('Approved').waitFor();
  assert.equal(await list.getByRole('link').count(), 1);
  assert.equal(await list.getByRole('link').getAttribute('href'), `/payments/${paymentId}`);
  await screenshot(payer, 'payfriend-a-13-payments-list');

  await openNav(payer, 'Account');
  await devices.getByText(/Last used/).waitFor();
});

test('a payment denied on the phone shows as denied on the computer', async (t) => {
  const site = await startSite(t);
  const payer = await site.newPage();
  const phone = await site.newPage(PHONE);
  await registerVerified(payer);
  await pairPhone(payer, phone);

  await sendPayment(payer, { payee: 'stranger@example.test', amount: '1000', currency: 'JPY' });
  await waitForStatus(payer, 'pending');
  const card = approvalCard(phone, '¥1,000');
  await card.getByRole('button', { name: 'Deny ¥1,000 to stranger@example.test' }).click();
  await phone.getByText('You denied ¥1,000 to stranger@example.test.').waitFor();
  await screenshot(phone, 'payfriend-c-01-phone-denied');

  await waitForStatus(payer, 'denied');
  await payer.getByText(/Denied on your authenticator phone at .*\. Nothing will be paid\./).waitFor();
  await screenshot(payer, 'payfriend-c-02-denied');
});

test('the phone says what it decided even when the stream reports it before the answer arrives', async (t) => {
  const site = await startSite(t);
  const payer = await site.newPage();
  const phone = await site.newPage(PHONE);
  await registerVerified(payer);
  await pairPhone(payer, phone);
  await sendPayment(payer, { payee: 'slow@example.test', amount: '7.25', currency: 'GBP' });

  // The server decides at once, but its answer to the phone is held back until the
  // phone's event stream has already taken the payment off its list.
  const card = approvalCard(phone, '£7.25');
  await phone.route('**/api/device/approvals/*', async (route) => {
    const response = await route.fetch();
    await waitForStatus(payer, 'approved');
    await card.waitFor({ state: 'detached' });
    await route.fulfill({ response });
  });
  await card.getByRole('button', { name: 'Approve £7.25 to slow@example.test' }).click();
  await phone.getByText('You approved £7.25 to slow@example.test.').waitFor();
  await phone.getByText('Nothing to approve right now.').waitFor();
});

test('a pairing link works once', async (t) => {
  const site = await startSite(t);
  const payer = await site.newPage();
  const phone = await site.newPage(PHONE);
  await registerVerified(payer);
  await openNav(payer, 'Account');
  const link = await makePairingLink(payer);
  await pairOnPhone(phone, link);

  const other = await site.newPage(PHONE);
  await other.goto(link);
  await other.getByRole('button', { name: 'Pair this phone' }).click();
  await other.getByRole('alert').filter({ hasText: 'This pairing link has expired or was already used' }).waitFor();
  await screenshot(other, 'payfriend-e-01-pairing-link-used');

  // Revoking the device on the Account page stops the phone at once.
  await payer.getByRole('button', { name: 'Revoke Chrome on Android' }).click();
  const confirm = payer.getByRole('dialog', { name: 'Revoke “Chrome on Android”?' });
  await screenshot(payer, 'payfriend-e-02-revoke-dialog', { fullPage: false });
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await confirm.waitFor({ state: 'hidden' });
  await payer.getByText('No phone is paired yet.').waitFor();
  await phone.getByRole('alert').filter({ hasText: 'This device can no longer approve payments' }).waitFor();
  await screenshot(phone, 'payfriend-e-03-phone-revoked');

  await phone.getByRole('button', { name: 'Forget this device' }).click();
  await phone.getByRole('dialog', { name: 'Forget this device?' }).getByRole('button', { name: 'Forget' }).click();
  await phone.getByText('This phone is not paired yet').waitFor();
  await screenshot(phone, 'payfriend-e-04-phone-forgotten');
});
