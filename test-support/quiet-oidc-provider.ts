/**
 * oidc-provider warns, when loaded and on first use, that it runs a development setup (in-memory
 * storage, development sign-in pages, Node 20): true, and the point of a test issuer. Its lines are
 * kept out of test output; everything else logged passes through.
 */
for (const level of ['warn', 'info'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider ')) return;
    original(...args);
  };
}
