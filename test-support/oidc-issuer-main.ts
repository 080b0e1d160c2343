/**
 * Runs the test OpenID Connect issuer on its own, to try "Sign in with …" offline:
 *   npm run oidc-issuer                         (PORT, default 4490; SITE_URL, default http://localhost:4433)
 * then start the site with the environment it prints. Any login name signs in, with any password.
 */
import { startTestIssuer } from './oidc-issuer.ts';

const port = Number(process.env.PORT ?? 4490);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a port number (got "${process.env.PORT}")`);
  process.exit(2);
}
const siteUrl = (process.env.SITE_URL ?? 'http://localhost:4433').replace(/\/+$/, '');

const issuer = await startTestIssuer({ port, redirectUris: [`${siteUrl}/api/auth/oidc/callback`] });
const env = Object.entries(issuer.env()).map(([name, value]) => `${name}=${/\s/.test(value) ? JSON.stringify(value) : value}`).join(' ');
console.log(`test OpenID Connect issuer listening at ${issuer.url} (any login name, any password)`);
console.log(`start the site with: ${env} npm start`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    issuer.close().then(() => process.exit(0));
  });
}
