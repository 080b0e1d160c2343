/**
 * The whole story of giving kudos, and a kudo the server refuses.
 * The page runs in a real browser against the real server; a fake GitHub
 * answers from recorded GitHub responses.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from './support/eventually.ts';
import {
  REACT,
  REACT_NATIVE,
  heart,
  isPressed,
  kudoNames,
  openTab,
  register,
  search,
  waitForPressed,
} from './support/kudos-page.ts';
import { screenshot } from './support/screenshots.ts';
import { startSite } from './support/site.ts';

test('register, search, give kudos, and find them again after reloads', async (t) => {
  const site = await startSite(t);
  const page = await site.newPage();

  await page.goto('/');
  await page.waitForURL('**/signin');
  await screenshot(page, 'a-01-signin');

  await register(page);
  await page.getByText('No kudos yet — search and tap the heart').waitFor();
  await screenshot(page, 'a-02-empty-kudos');

  const searchBox = page.getByRole('searchbox', { name: 'Search GitHub repositories' });
  await searchBox.fill('re');
  await searchBox.press('Enter');
  await page.getByText('Type at least 3 characters to search').waitFor();
  await screenshot(page, 'a-03-query-too-short');

  await search(page, 'react');
  await page.getByRole('status').filter({ hasText: 'Results from GitHub' }).waitFor();
  await heart(page, REACT).waitFor();
  assert.equal(await isPressed(heart(page, REACT)), false);
  await page.getByRole('link', { name: new RegExp(`^${REACT} `) }).waitFor();
  const link = page.getByRole('link', { name: new RegExp(`^${REACT} `) });
  assert.equal(await link.getAttribute('href'), 'https://github.com/facebook/react');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  await screenshot(page, 'a-04-search-results');

  await heart(page, REACT).click();
  await waitForPressed(heart(page, REACT), true);
  await heart(page, REACT_NATIVE).click();
  await waitForPressed(heart(page, REACT_NATIVE), true);
  await screenshot(page, 'a-05-two-kudos-given');

  // The address holds the search: a reload shows the same results, hearts and all.
  assert.match(page.url(), /\?tab=search&q=react$/);
  await page.reload();
  await page.getByRole('tab', { name: 'Search', selected: true }).waitFor();
  assert.equal(await page.getByRole('searchbox', { name: 'Search GitHub repositories' }).inputValue(), 'react');
  await waitForPressed(heart(page, REACT), true);
  await openTab(page, 'Kudos');
  await eventually(async () => assert.deepEqual((await kudoNames(page)).sort(), [REACT, REACT_NATIVE]));
  await screenshot(page, 'a-06-kudos-after-reload');

  const removed = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/api/kudos/'));
  await heart(page, REACT).click();
  await eventually(async () => assert.deepEqual(await kudoNames(page), [REACT_NATIVE]));
  assert.equal((await removed).status(), 204);

  await page.reload();
  await eventually(async () => assert.deepEqual(await kudoNames(page), [REACT_NATIVE]));
  await screenshot(page, 'a-07-one-kudo-left');

  // Search hearts reflect the kudos the user already has; the server answers this repeat from its cache.
  await search(page, 'react');
  await page.getByRole('status').filter({ hasText: 'Results from GitHub, from cache' }).waitFor();
  await waitForPressed(heart(page, REACT_NATIVE), true);
  assert.equal(await isPressed(heart(page, REACT)), false);
});

test('a kudo the server refuses is rolled back, and the page says why', async (t) => {
  const site = await startSite(t);
  const page = await site.newPage();
  await register(page);
  await search(page, 'react');
  await heart(page, REACT).waitFor();

  // The server's own refusal: the request reaches it with a link it will not store.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/kudos', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    await held;
    const body = route.request().postDataJSON() as Record<string, unknown>;
    return route.continue({ postData: JSON.stringify({ ...body, repo_url: 'javascript:alert(1)' }) });
  });

  await heart(page, REACT).click();
  // The heart flips at once and waits for the answer.
  await waitForPressed(heart(page, REACT), true);
  assert.equal(await heart(page, REACT).getAttribute('aria-disabled'), 'true');
  await screenshot(page, 'b-01-kudo-in-flight');
  release();

  await waitForPressed(heart(page, REACT), false);
  const alert = page.getByRole('alert').filter({ hasText: `Could not give kudos to ${REACT}` });
  await alert.waitFor();
  assert.match(await alert.innerText(), /repo_url: must be an http\(s\) URL/);
  assert.equal(await heart(page, REACT).getAttribute('aria-disabled'), 'false');
  await screenshot(page, 'b-02-kudo-rolled-back', { fullPage: false });

  await page.unroute('**/api/kudos');
  await openTab(page, 'Kudos');
  assert.deepEqual(await kudoNames(page), []);
});
