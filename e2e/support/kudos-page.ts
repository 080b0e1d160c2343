/** What a person does on the Kudos page, in the words the page shows them. */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { eventually } from './eventually.ts';

export const PASSWORD = 'correct horse battery staple';

// Both occur in the recorded GitHub answers for "react".
export const REACT = 'facebook/react';
export const REACT_NATIVE = 'facebook/react-native';

let counter = 0;
export function uniqueEmail(prefix = 'e2e'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${counter}@example.test`;
}

export async function register(page: Page, email = uniqueEmail()): Promise<string> {
  await page.goto('/signin');
  await page.getByRole('tab', { name: 'Create account' }).click();
  await fillCredentials(page, email, PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByText(email).waitFor();
  return email;
}

export async function fillCredentials(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
}

export async function search(page: Page, query: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search GitHub repositories' });
  await box.fill(query);
  await box.press('Enter');
  await page.getByRole('tab', { name: 'Search', selected: true }).waitFor();
}

/** The heart of one repository's card: a toggle button, pressed when kudos are given. */
export function heart(page: Page, fullName: string): Locator {
  return page.getByRole('button', { name: `Give kudos to ${fullName}`, exact: true });
}

export async function isPressed(button: Locator): Promise<boolean> {
  return (await button.getAttribute('aria-pressed')) === 'true';
}

export async function waitForPressed(button: Locator, pressed: boolean): Promise<void> {
  await eventually(async () => assert.equal(await isPressed(button), pressed, `aria-pressed should become ${pressed}`));
}

export async function openTab(page: Page, name: 'Kudos' | 'Search'): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await page.getByRole('tab', { name, selected: true }).waitFor();
}

/** The names on the Kudos tab, once it has loaded. */
export async function kudoNames(page: Page): Promise<string[]> {
  const panel = page.getByRole('tabpanel', { name: 'Kudos' });
  const list = panel.getByRole('list', { name: 'Your kudos' });
  const empty = panel.getByText('No kudos yet');
  await list.or(empty).waitFor();
  if (await empty.isVisible()) return [];
  return list.getByRole('heading', { level: 3 }).allInnerTexts().then((names) => names.map(cleanName));
}

/** Card headings carry a visually hidden "(opens in a new tab)". */
function cleanName(text: string): string {
  return text.replace('(opens in a new tab)', '').trim();
}
