/**
 * Runs the fake GitHub on its own, for offline demos:
 *   npm run fake-github                                  (PORT, default 4480)
 *   GITHUB_API_URL=http://127.0.0.1:4480 npm start
 * FAKE_GITHUB_BEHAVIOR (e.g. primary-rate-limit, hang) starts it misbehaving.
 */
import { type FakeGithubBehavior, startFakeGithub } from './server.ts';

const BEHAVIORS: FakeGithubBehavior[] = [
  'normal', 'primary-rate-limit', 'secondary-rate-limit', 'rate-limit-429', 'server-error', 'hang',
];

const port = Number(process.env.PORT ?? 4480);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (got "${process.env.PORT}")`);
  process.exit(2);
}
const behavior = (process.env.FAKE_GITHUB_BEHAVIOR ?? 'normal') as FakeGithubBehavior;
if (!BEHAVIORS.includes(behavior)) {
  console.error(`FAKE_GITHUB_BEHAVIOR must be one of ${BEHAVIORS.join(', ')}`);
  process.exit(2);
}

const fake = await startFakeGithub({ port });
fake.setBehavior(behavior);
console.log(`fake GitHub (${behavior}) listening at ${fake.url}`);
console.log(`use it with GITHUB_API_URL=${fake.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    fake.close().then(() => process.exit(0));
  });
}
