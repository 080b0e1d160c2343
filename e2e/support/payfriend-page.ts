/**
 * What a person does with Payfriend, in the words the pages show them: on the
 * computer (register with a phone, read codes from the Outbox, pair a phone,
 * send money) and on the phone (pair, approve, deny).
 */
import assert from 'node:assert/strict';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { eventually } from './eventually.ts';
import { PASSWORD, fillCredentials, uniqueEmail } from './kudos-page.ts';

/** A phone's browser: Chrome on Android, a phone-sized screen. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 412, height: 915 },
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
};

let phoneCounter = 0;
/** Ofcom's drama range (+44 7700 900000–900999): accepted, and reaches nobody. */
export function uniqueTestPhone(): string {
  phoneCounter += 1;
  return `+44 7700 900${String((process.pid + phoneCounter) % 1000).padStart(3, '0')}`;
}

export async function registerWithPhone(page: Page, phone: string, email = uniqueEmail('payer')): Promise<string> {
  await page.goto('/signin');
  await page.getByRole('tab', { name: 'Create account' }).click();
  await fillCredentials(page, email, PASSWORD);
  await page.getByLabel('Phone number (optional)').fill(phone);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/account');
  return email;
}

export async function openNav(page: Page, name: 'Kudos' | 'Payments' | 'Account' | 'Outbox'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The newest message in the Outbox once it says `containing`, and the 6-digit code in it. */
export async function codeFromOutbox(page: Page, containing: RegExp): Promise<{ code: string; text: string }> {
  if (page.url() === 'about:blank') await page.goto('/outbox');
  else if (new URL(page.url()).pathname !== '/outbox') await openNav(page, 'Outbox');
  const newest = page.getByRole('list', { name: 'Text messages, newest first' }).getByRole('listitem').first();
  // The page refreshes itself every few seconds; no reload needed.
  const text = await eventually(async () => {
    const body = await newest.innerText({ timeout: 1000 });
    assert.match(body, containing);
    return body;
  }, 15_000);
  // The code as the message words it; the number it went to ("+44 7700 900123") has six digits in a row too.
  const code = /\bcode (?:is )?(\d{6})\b/.exec(text)?.[1];
  assert.ok(code, `no 6-digit code in: ${text}`);
  return { code, text };
}

export async function verifyPhone(page: Page, code: string): Promise<void> {
  await page.getByRole('form', { name: 'Verify phone number' }).getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Verified' }).waitFor();
}

/** Registers with a phone and verifies it with the code from the Outbox; ends on the Account page. */
export async function registerVerified(page: Page, phone = uniqueTestPhone()): Promise<string> {
  const email = await registerWithPhone(page, phone);
  const { code } = await codeFromOutbox(page, /verification code/);
  await openNav(page, 'Account');
  await verifyPhone(page, code);
  return email;
}

/** "Pair a phone" on the Account page; answers the link it shows. */
export async function makePairingLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Pair a phone' }).click();
  const link = page.getByRole('region', { name: 'Pairing link' }).getByRole('link');
  await link.waitFor();
  const href = await link.getAttribute('href');
  assert.ok(href, 'the pairing link has no address');
  return href;
}

/** Opens the pairing link on the phone and pairs it under its suggested name. */
export async function pairOnPhone(phone: Page, link: string): Promise<void> {
  await phone.goto(link);
  await phone.getByRole('button', { name: 'Pair this phone' }).click();
  await phone.waitForURL((url) => url.pathname === '/authenticator');
  await phone.getByRole('status').filter({ hasText: 'Paired!' }).waitFor();
}

export async function pairPhone(payer: Page, phone: Page): Promise<void> {
  await openNav(payer, 'Account');
  await pairOnPhone(phone, await makePairingLink(payer));
  await payer.getByText(/is paired\. It will ask you/).waitFor();
}

export interface PaymentFields {
  payee: string;
  amount: string;
  currency: string;
}

export async function fillPayment(page: Page, { payee, amount, currency }: PaymentFields): Promise<void> {
  const form = page.getByRole('form', { name: 'Send money' });
  await form.getByLabel('Payee email').fill(payee);
  await form.getByLabel('Amount').fill(amount);
  await form.getByLabel('Currency').selectOption(currency);
}

/** Sends money from /payments and waits for the payment's own page; answers its id. */
export async function sendPayment(page: Page, fields: PaymentFields): Promise<string> {
  await page.goto('/payments');
  await fillPayment(page, fields);
  await page.getByRole('button', { name: 'Send money' }).click();
  return waitForPaymentPage(page);
}

const PAYMENT_PATH = /^\/payments\/([0-9a-f-]{36})$/;

export async function waitForPaymentPage(page: Page): Promise<string> {
  await page.waitForURL((url) => PAYMENT_PATH.test(url.pathname));
  const id = PAYMENT_PATH.exec(new URL(page.url()).pathname)?.[1];
  assert.ok(id);
  return id;
}

/** The waiting page's live status region. */
export function paymentStatus(page: Page): Locator {
  return page.locator('[role="status"][data-status]');
}

export async function waitForStatus(page: Page, status: 'pending' | 'approved' | 'denied' | 'expired', timeout = 10_000): Promise<void> {
  await page.locator(`[role="status"][data-status="${status}"]`).waitFor({ timeout });
}

/** The approval card on the phone for a payment of this amount. */
export function approvalCard(phone: Page, amountDisplay: string): Locator {
  return phone.getByRole('article').filter({ hasText: amountDisplay });
}
