/**
 * Which source answers a search when GitHub fails or rate limits, and what the page says.
 * The page runs in a real browser against the real server; a fake GitHub
 * answers from recorded GitHub responses.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from './support/eventually.ts';
import {
  REACT_NATIVE,
  heart,
  kudoNames,
  openTab,
  register,
  search,
  waitForPressed,
} from './support/kudos-page.ts';
import { screenshot } from './support/screenshots.ts';
import { startSite } from './support/site.ts';

test('when GitHub is unreachable, the local catalog answers and the page says so', async (t) => {
  const site = await startSite(t);
  const page = await site.newPage();
  await register(page);

  // A first search puts GitHub's answer in the catalog.
  await search(page, 'react');
  await page.getByRole('status').filter({ hasText: 'Results from GitHub' }).waitFor();

  site.fake.setBehavior('server-error');
  await search(page, 'react native');
  await page.getByText('GitHub unreachable — showing results from the local catalog').waitFor();
  await heart(page, REACT_NATIVE).waitFor();
  await screenshot(page, 'c-01-catalog-fallback');

  // Kudos still work from catalog results.
  await heart(page, REACT_NATIVE).click();
  await waitForPressed(heart(page, REACT_NATIVE), true);
  await openTab(page, 'Kudos');
  await eventually(async () => assert.deepEqual(await kudoNames(page), [REACT_NATIVE]));

  // Nothing local either: the page says what the catalog holds and how to fill it.
  await search(page, 'quantum kaleidoscope');
  await page.getByText('No repositories match “quantum kaleidoscope”.').waitFor();
  await page.getByText(/The local catalog knows only repositories .*\(npm run catalog:import\)/).waitFor();
  await screenshot(page, 'c-02-catalog-has-nothing');
});

test('when GitHub is rate limited, the catalog answers what it can and the page says when to retry', async (t) => {
  const site = await startSite(t);
  const page = await site.newPage();
  await register(page);
  await search(page, 'react');
  await page.getByRole('status').filter({ hasText: 'Results from GitHub' }).waitFor();

  site.fake.setBehavior('primary-rate-limit', { resetEpochSeconds: Math.floor(Date.now() / 1000) + 120 });
  await search(page, 'covid');
  const alert = page.getByRole('alert').filter({ hasText: 'GitHub rate limit reached' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /try again in (about )?\d+ (seconds|minutes)/i);
  await screenshot(page, 'e-01-rate-limited-nothing-local');

  await search(page, 'react native');
  const notice = page.getByRole('status').filter({ hasText: 'GitHub rate limit reached — local catalog' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /searched again in (about )?\d+ (seconds|minutes)/);
  await heart(page, REACT_NATIVE).waitFor();
  await screenshot(page, 'e-02-rate-limited-catalog');
});
