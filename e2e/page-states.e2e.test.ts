/**
 * Keyboard use, a small screen, and the loading, offline and ended-session states.
 * The page runs in a real browser against the real server; a fake GitHub
 * answers from recorded GitHub responses.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from './support/eventually.ts';
import {
  REACT,
  heart,
  kudoNames,
  register,
  search,
  waitForPressed,
} from './support/kudos-page.ts';
import { screenshot } from './support/screenshots.ts';
import { startSite } from './support/site.ts';

test('works from the keyboard, on a small screen', async (t) => {
  const site = await startSite(t);
  const page = await site.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await register(page);

  const focused = () => page.evaluate(() => {
    const element = document.activeElement;
    return element ? `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''}` : '';
  });
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'a Skip to content');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'button Sign out');
  // Then the navigation between the signed-in pages, the current one marked.
  for (const name of ['Kudos', 'Payments', 'Account', 'Outbox']) {
    await page.keyboard.press('Tab');
    assert.equal(await focused(), `a ${name}`);
  }
  assert.equal(await page.getByRole('link', { name: 'Kudos' }).getAttribute('aria-current'), 'page');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'search');
  await page.keyboard.type('react');
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Search', selected: true }).waitFor();
  await heart(page, REACT).waitFor();

  // Search button, then the selected tab, then the first card's link and heart.
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'button Search');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'button Search');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'tab');
  await page.keyboard.press('Tab');
  assert.match(await focused(), new RegExp(`^a ${REACT}`));
  await page.keyboard.press('Tab');
  assert.equal(await focused(), `button Give kudos to ${REACT}`);
  await page.keyboard.press('Enter');
  await waitForPressed(heart(page, REACT), true);
  // Focus stays on the heart while its request runs and after.
  await eventually(async () => assert.equal(await focused(), `button Give kudos to ${REACT}`));
  assert.equal(await heart(page, REACT).getAttribute('aria-pressed'), 'true');
  await screenshot(page, 'f-01-keyboard-small-screen', { fullPage: false });

  // Arrow keys move between tabs.
  await page.getByRole('tab', { name: 'Search' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Kudos', selected: true }).waitFor();
  await eventually(async () => assert.deepEqual(await kudoNames(page), [REACT]));
  await screenshot(page, 'f-02-small-screen-kudos', { fullPage: false });

  // Un-kudoing the last card takes its heart away; focus goes to what the tab says now, not to nowhere.
  await heart(page, REACT).focus();
  await page.keyboard.press('Enter');
  await page.getByText('No kudos yet').waitFor();
  await eventually(async () => assert.match(await focused(), /No kudos yet/));

  // The skip link jumps over the bar and the navigation.
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'content');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'search');
});

test('loading, offline, and an ended session each show their state', async (t) => {
  const site = await startSite(t);
  const page = await site.newPage();
  await register(page);

  // Loading: hold the kudos answer after a reload.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/kudos', async (route) => {
    await held;
    return route.continue();
  });
  await page.reload();
  await page.getByRole('status').filter({ hasText: 'Loading your kudos' }).waitFor();
  await screenshot(page, 'g-01-loading-kudos');
  release();
  await page.getByText('No kudos yet — search and tap the heart').waitFor();
  await page.unroute('**/api/kudos');

  // Offline: the search cannot reach the server.
  await page.context().setOffline(true);
  await search(page, 'react');
  const offline = page.getByRole('alert').filter({ hasText: 'You are offline' });
  await offline.waitFor({ timeout: 10_000 });
  await screenshot(page, 'g-02-offline');
  await page.context().setOffline(false);
  await offline.getByRole('button', { name: 'Retry' }).click();
  await heart(page, REACT).waitFor();

  // The session ends elsewhere (signed out in another tab, expired): the next request sends the page to /signin.
  await page.context().clearCookies();
  await heart(page, REACT).click();
  await page.waitForURL('**/signin');
  await page.getByRole('alert').filter({ hasText: 'Your session has ended' }).waitFor();
  await screenshot(page, 'g-03-session-ended', { fullPage: false });
});
