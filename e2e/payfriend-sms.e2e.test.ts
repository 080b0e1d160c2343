/**
 * Payfriend without the phone at hand: a code by text message instead,
 * offered after SMS_FALLBACK_AFTER_SECONDS (shortened here). The code is
 * read from the Outbox in another tab of the payer's browser.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PHONE, approvalCard, codeFromOutbox, pairPhone, registerVerified, sendPayment, waitForStatus } from './support/payfriend-page.ts';
import { screenshot } from './support/screenshots.ts';
import { startSite } from './support/site.ts';

/** A 6-digit code that is surely not `code`. */
function wrongCode(code: string): string {
  return code.slice(0, 5) + String((Number(code[5]) + 1) % 10);
}

test('no phone at hand: the payment is approved with a code sent by SMS', async (t) => {
  const site = await startSite(t, { SMS_FALLBACK_AFTER_SECONDS: '2' });
  const payer = await site.newPage();
  await registerVerified(payer);
  // The paired phone is left in a drawer, its authenticator page open.
  const phone = await site.newPage(PHONE);
  await pairPhone(payer, phone);

  await sendPayment(payer, { payee: 'friend@example.test', amount: '8.20', currency: 'GBP' });
  await waitForStatus(payer, 'pending');
  await payer.getByText(/You can get a code by text message in 0:0\d/).waitFor();
  await screenshot(payer, 'payfriend-b-01-waiting-for-offer');

  const offer = payer.getByRole('button', { name: 'Send me a code by SMS instead' });
  await offer.waitFor({ timeout: 5000 });
  await screenshot(payer, 'payfriend-b-02-sms-offer');
  await offer.click();
  await payer.getByText(/We sent a code to \+•+\d{3}\. It works until/).waitFor();

  const outbox = await site.newTab(payer);
  await outbox.goto('/outbox');
  const { code, text } = await codeFromOutbox(outbox, /approve £8\.20 to friend@example\.test/);
  assert.match(text, /Never share this code/);
  await screenshot(outbox, 'payfriend-b-03-outbox-payment-code');

  // A reload keeps the field for the code already on its way: no second code is needed.
  await payer.bringToFront();
  await payer.reload();
  await waitForStatus(payer, 'pending');
  const form = payer.getByRole('form', { name: 'Confirm with the SMS code' });
  await form.getByLabel('6-digit code').fill(code);
  await screenshot(payer, 'payfriend-b-04-code-entered');
  await form.getByRole('button', { name: 'Confirm payment' }).click();
  await waitForStatus(payer, 'approved');
  await payer.getByText(/Approved with the code from the text message at/).waitFor();
  await screenshot(payer, 'payfriend-b-05-approved');

  // The phone's request goes away, and the phone says why.
  await approvalCard(phone, '£8.20').waitFor({ state: 'detached' });
  await phone.getByText('£8.20 to friend@example.test was approved with the code from the text message.').waitFor();
  await phone.getByText('Nothing to approve right now.').waitFor();
  await screenshot(phone, 'payfriend-b-06-phone-told');
});

test('with no phone paired, the waiting page says so and offers the text message at once', async (t) => {
  // The default wait before the offer (15 s) stays: the offer must not wait for it.
  const site = await startSite(t);
  const payer = await site.newPage();
  await registerVerified(payer);

  await sendPayment(payer, { payee: 'friend@example.test', amount: '5.00', currency: 'EUR' });
  await waitForStatus(payer, 'pending');
  await payer.getByText('No phone is paired with your account: confirm this payment with a code by text message.').waitFor();
  await payer.getByRole('button', { name: 'Send me a code by SMS instead' }).waitFor({ timeout: 5000 });
  assert.equal(await payer.getByText(/Open the Authenticator/).count(), 0);
  await screenshot(payer, 'payfriend-d-00-no-phone-paired');
});

test('a wrong SMS code says how many tries are left; too many deny the payment', async (t) => {
  const site = await startSite(t, { SMS_FALLBACK_AFTER_SECONDS: '0' });
  const payer = await site.newPage();
  await registerVerified(payer);

  await sendPayment(payer, { payee: 'friend@example.test', amount: '19.99', currency: 'EUR' });
  await payer.getByRole('button', { name: 'Send me a code by SMS instead' }).click();
  await payer.getByText(/We sent a code to/).waitFor();
  const outbox = await site.newTab(payer);
  const { code } = await codeFromOutbox(outbox, /approve €19\.99/);
  await payer.bringToFront();

  const form = payer.getByRole('form', { name: 'Confirm with the SMS code' });
  const field = form.getByLabel('6-digit code');
  await field.fill(wrongCode(code));
  await form.getByRole('button', { name: 'Confirm payment' }).click();
  await form.getByText('Wrong code; 4 tries left').waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await screenshot(payer, 'payfriend-d-01-wrong-code');

  for (const left of ['3 tries left', '2 tries left', '1 try left']) {
    await field.fill(wrongCode(code));
    await form.getByRole('button', { name: 'Confirm payment' }).click();
    await form.getByText(`Wrong code; ${left}`).waitFor();
  }
  await field.fill(wrongCode(code));
  await form.getByRole('button', { name: 'Confirm payment' }).click();
  await waitForStatus(payer, 'denied');
  await payer.getByText(/Denied after too many wrong codes/).waitFor();
  await screenshot(payer, 'payfriend-d-02-denied-after-attempts');

  // Five failures in a row block confirming payments for a while; the page says until when.
  await sendPayment(payer, { payee: 'friend@example.test', amount: '1.00', currency: 'EUR' });
  await payer.getByRole('button', { name: 'Send me a code by SMS instead' }).click();
  await payer.getByRole('alert').filter({ hasText: /Too many failed attempts to confirm a payment\. You can try again in about 15 minutes/ }).waitFor();
  assert.equal(await payer.getByRole('button', { name: 'Send me a code by SMS instead' }).isDisabled(), true);
  await screenshot(payer, 'payfriend-d-03-blocked');
});

test('a payment nobody confirms expires, and the page says so', async (t) => {
  const site = await startSite(t, { PAYMENT_CHALLENGE_TTL_SECONDS: '30' });
  const payer = await site.newPage();
  await registerVerified(payer);

  await sendPayment(payer, { payee: 'friend@example.test', amount: '2.00', currency: 'EUR' });
  await payer.getByText(/expires in 0:[0-3]\d/).waitFor();
  await waitForStatus(payer, 'expired', 45_000);
  await payer.getByText('Nobody approved the payment in time. Nothing will be paid.').waitFor();
  await screenshot(payer, 'payfriend-h-01-expired');
});
