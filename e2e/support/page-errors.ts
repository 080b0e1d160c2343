/**
 * Fails the test if the page throws, or if the browser blocks something under
 * the Content Security Policy. Failed requests the page expects (a 401 from
 * /api/auth/session when signed out) are not errors.
 */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Page } from 'playwright-core';

export function watchForPageErrors(t: TestContext, page: Page): void {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource')) problems.push(`console: ${text}`);
    if (/Content Security Policy/i.test(text)) problems.push(`csp: ${text}`);
  });
  t.after(() => assert.deepEqual(problems, [], 'the page reported errors'));
}
