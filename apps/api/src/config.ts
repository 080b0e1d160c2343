/**
 * Every setting the server reads, validated once at start.
 * Nothing else in the code base reads process.env.
 */
export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string };

export interface AppConfig {
  port: number;
  host: string;
  publicUrl: string;
  database: DatabaseConfig;
  github: { apiUrl: string; token: string | undefined; cacheSeconds: number; timeoutMs: number };
  corsOrigins: string[];
  /** The most kudos one account may hold (KUDOS_PER_USER_MAX). */
  kudosPerUserMax: number;
  jwt: { issuer: string; audience: string; ttlSeconds: number };
  session: { ttlSeconds: number; cookieName: string; secureCookie: boolean };
  webDistDir: string | undefined;
  /** Hops of reverse proxies whose X-Forwarded-For is believed (0: none). */
  trustProxyHops: number;
  logLevel: string;
  sms: SmsConfig;
  payments: {
    /** How long a payment waits for strong customer authentication before it expires. */
    challengeTtlSeconds: number;
    /** When the waiting page offers the SMS code instead. */
    smsFallbackAfterSeconds: number;
    otpTtlSeconds: number;
    otpMaxAttempts: number;
    /** Consecutive failed authentications (any method) before the user is blocked. */
    maxConsecutiveFailures: number;
    blockSeconds: number;
  };
  devices: { pairingTtlSeconds: number; reauthMaxAgeSeconds: number; requestMaxSkewSeconds: number };
  /** Shared state between instances (event fan-out, rate-limit counters, GitHub cache); in-process when absent. */
  redis: { url: string; prefix: string } | undefined;
  /** Shared secret of a hosted push provider (Authy OneTouch style) whose callbacks we accept. */
  pushCallbackApiKey: string | undefined;
  /** When set, GET /metrics wants it as a bearer token (the scraper's); open otherwise. */
  metricsToken: string | undefined;
  /** Lower in tests so rate-limit rules can be exercised quickly. */
  rateLimits: { loginPerIpPerMinute: number; loginPerAccountPerMinute: number; apiPerIpPerMinute: number };
  /** An external OpenID Connect issuer (Okta, Keycloak, Auth0...) beside the built-in accounts; off when absent. */
  oidc: OidcConfig | undefined;
}

export interface OidcConfig {
  issuer: string;
  /** The `aud` the issuer's access tokens carry for this API. */
  audience: string;
  /** Signature algorithms accepted on its tokens: asymmetric ones only. */
  algorithms: string[];
  /** What the sign-in button calls it. */
  name: string;
  /** The page's "Sign in with …" (authorization code flow with PKCE); bearer tokens only when absent. */
  client: { id: string; secret: string | undefined; scopes: string } | undefined;
}

export type SmsConfig =
  | { provider: 'outbox'; resendCooldownSeconds: number; perUserPerHour: number; perPhonePerHour: number; perIpPerHour: number }
  | {
      provider: 'twilio';
      resendCooldownSeconds: number;
      perUserPerHour: number;
      perPhonePerHour: number;
      perIpPerHour: number;
      accountSid: string;
      authToken: string;
      from: string | undefined;
      verifyServiceSid: string | undefined;
    };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment; throws ConfigError listing every bad value at once. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const port = readInteger(env, 'PORT', 4433, 0, 65535, problems);
  const publicUrl = readUrl(env, 'PUBLIC_URL', `http://localhost:${port}`, problems);
  const githubApiUrl = readUrl(env, 'GITHUB_API_URL', 'https://api.github.com', problems);
  const database = readDatabaseUrl(env.DATABASE_URL ?? 'sqlite:data/app.db', problems);
  const corsOrigins = readOrigins(env.CORS_ORIGINS ?? '', problems);
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  const token = env.GITHUB_TOKEN?.trim() || undefined;
  if (token !== undefined && /\s/.test(token)) problems.push('GITHUB_TOKEN must not contain whitespace');

  const config: AppConfig = {
    port,
    host: env.HOST ?? '0.0.0.0',
    publicUrl,
    database,
    github: {
      apiUrl: githubApiUrl,
      token,
      cacheSeconds: readInteger(env, 'GITHUB_CACHE_SECONDS', 60, 0, 3600, problems),
      timeoutMs: readInteger(env, 'GITHUB_TIMEOUT_MS', 5000, 100, 60000, problems),
    },
    corsOrigins,
    // Bounds one account's list: GET /api/kudos answers it whole, so its size is what one answer costs.
    kudosPerUserMax: readInteger(env, 'KUDOS_PER_USER_MAX', 1000, 1, 100_000, problems),
    jwt: {
      issuer: env.JWT_ISSUER ?? publicUrl,
      audience: env.JWT_AUDIENCE ?? 'kudos-api',
      ttlSeconds: readInteger(env, 'TOKEN_TTL_SECONDS', 900, 60, 86400, problems),
    },
    session: {
      ttlSeconds: readInteger(env, 'SESSION_TTL_SECONDS', 7 * 86400, 300, 90 * 86400, problems),
      cookieName: 'sid',
      secureCookie: publicUrl.startsWith('https://'),
    },
    sms: readSms(env, problems),
    payments: {
      challengeTtlSeconds: readInteger(env, 'PAYMENT_CHALLENGE_TTL_SECONDS', 300, 30, 3600, problems),
      smsFallbackAfterSeconds: readInteger(env, 'SMS_FALLBACK_AFTER_SECONDS', 15, 0, 300, problems),
      otpTtlSeconds: readInteger(env, 'OTP_TTL_SECONDS', 300, 30, 3600, problems),
      otpMaxAttempts: readInteger(env, 'OTP_MAX_ATTEMPTS', 5, 1, 20, problems),
      maxConsecutiveFailures: readInteger(env, 'SCA_MAX_FAILURES', 5, 1, 100, problems),
      blockSeconds: readInteger(env, 'SCA_BLOCK_SECONDS', 900, 10, 86400, problems),
    },
    devices: {
      pairingTtlSeconds: readInteger(env, 'PAIRING_TTL_SECONDS', 300, 30, 3600, problems),
      reauthMaxAgeSeconds: readInteger(env, 'REAUTH_MAX_AGE_SECONDS', 300, 30, 86400, problems),
      requestMaxSkewSeconds: readInteger(env, 'DEVICE_REQUEST_MAX_SKEW_SECONDS', 60, 5, 600, problems),
    },
    pushCallbackApiKey: env.PUSH_CALLBACK_API_KEY?.trim() || undefined,
    oidc: readOidc(env, problems),
    metricsToken: env.METRICS_TOKEN?.trim() || undefined,
    redis: readRedis(env, problems),
    webDistDir: env.WEB_DIST_DIR,
    trustProxyHops: readInteger(env, 'TRUST_PROXY_HOPS', 0, 0, 10, problems),
    logLevel,
    rateLimits: {
      loginPerIpPerMinute: readInteger(env, 'LOGIN_RATE_PER_IP', 20, 1, 10000, problems),
      loginPerAccountPerMinute: readInteger(env, 'LOGIN_RATE_PER_ACCOUNT', 5, 1, 10000, problems),
      apiPerIpPerMinute: readInteger(env, 'API_RATE_PER_IP', 1200, 1, 1_000_000_000, problems),
    },
  };
  if (config.oidc && config.oidc.issuer === config.jwt.issuer) {
    problems.push('OIDC_ISSUER must differ from JWT_ISSUER (PUBLIC_URL by default): each issuer\'s tokens are judged by its own keys');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

function readOidc(env: Env, problems: string[]): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) {
    for (const name of ['OIDC_AUDIENCE', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET']) {
      if (env[name]?.trim()) problems.push(`${name} is set but OIDC_ISSUER is not`);
    }
    return undefined;
  }
  let host = issuer;
  try {
    const url = new URL(issuer);
    host = url.host;
    // Plain http only to this machine (a local test issuer): anywhere else tokens and codes would travel in clear.
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      problems.push(`OIDC_ISSUER must be an https:// URL (http:// only for localhost) (got "${issuer}")`);
    }
    if (url.search || url.hash) problems.push('OIDC_ISSUER must not have a query or fragment');
  } catch {
    problems.push(`OIDC_ISSUER must be a URL (got "${issuer}")`);
  }
  const audience = env.OIDC_AUDIENCE?.trim() ?? '';
  if (audience === '') problems.push('OIDC_AUDIENCE is required with OIDC_ISSUER: the "aud" of the access tokens it issues for this API');
  const algorithms = (env.OIDC_ALGORITHMS ?? 'RS256,PS256,ES256,EdDSA').split(',').map((a) => a.trim()).filter(Boolean);
  const refused = algorithms.filter((a) => !ASYMMETRIC_ALGORITHMS.includes(a));
  if (refused.length > 0 || algorithms.length === 0) {
    problems.push(`OIDC_ALGORITHMS must list asymmetric JWS algorithms only (${ASYMMETRIC_ALGORITHMS.join(', ')}); refused: ${refused.join(', ') || 'none given'}`);
  }
  const clientId = env.OIDC_CLIENT_ID?.trim() || undefined;
  const secret = env.OIDC_CLIENT_SECRET?.trim() || undefined;
  if (secret && !clientId) problems.push('OIDC_CLIENT_SECRET is set but OIDC_CLIENT_ID is not');
  const scopes = env.OIDC_SCOPES?.trim() || 'openid email profile';
  if (clientId && !scopes.split(/\s+/).includes('openid')) problems.push('OIDC_SCOPES must include openid');
  return {
    // The issuer identifier is compared exactly with each token's "iss": keep it as configured.
    issuer,
    audience,
    algorithms,
    name: env.OIDC_NAME?.trim() || host,
    client: clientId ? { id: clientId, secret, scopes } : undefined,
  };
}

function readRedis(env: Env, problems: string[]): AppConfig['redis'] {
  const url = env.REDIS_URL?.trim();
  if (!url) return undefined;
  if (!/^rediss?:\/\//.test(url)) problems.push(`REDIS_URL must start with redis:// or rediss:// (got "${url}")`);
  return { url, prefix: env.REDIS_PREFIX ?? 'kp:' };
}

function readSms(env: Env, problems: string[]): SmsConfig {
  const limits = {
    resendCooldownSeconds: readInteger(env, 'SMS_RESEND_COOLDOWN_SECONDS', 30, 0, 3600, problems),
    perUserPerHour: readInteger(env, 'SMS_PER_USER_PER_HOUR', 10, 1, 10000, problems),
    perPhonePerHour: readInteger(env, 'SMS_PER_PHONE_PER_HOUR', 10, 1, 10000, problems),
    perIpPerHour: readInteger(env, 'SMS_PER_IP_PER_HOUR', 30, 1, 10000, problems),
  };
  const provider = env.SMS_PROVIDER ?? 'outbox';
  if (provider === 'outbox') return { provider, ...limits };
  if (provider !== 'twilio') {
    problems.push(`SMS_PROVIDER must be "outbox" or "twilio" (got "${provider}")`);
    return { provider: 'outbox', ...limits };
  }
  const accountSid = env.TWILIO_ACCOUNT_SID?.trim() ?? '';
  const authToken = env.TWILIO_AUTH_TOKEN?.trim() ?? '';
  const from = env.TWILIO_FROM?.trim() || undefined;
  const verifyServiceSid = env.TWILIO_VERIFY_SERVICE_SID?.trim() || undefined;
  if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid)) problems.push('TWILIO_ACCOUNT_SID must look like AC followed by 32 hex digits');
  if (authToken === '') problems.push('TWILIO_AUTH_TOKEN is required when SMS_PROVIDER=twilio');
  if (!from && !verifyServiceSid) problems.push('TWILIO_FROM (a sender number) or TWILIO_VERIFY_SERVICE_SID is required when SMS_PROVIDER=twilio');
  return { provider, ...limits, accountSid, authToken, from, verifyServiceSid };
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) {
    problems.push(`${name} must be a whole number between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  const value = Number(raw);
  if (value < min || value > max) problems.push(`${name} must be between ${min} and ${max} (got ${value})`);
  return value;
}

function readUrl(env: Env, name: string, fallback: string, problems: string[]): string {
  const raw = env[name]?.trim() || fallback;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    return raw.replace(/\/+$/, '');
  } catch {
    problems.push(`${name} must be an http(s) URL (got "${raw}")`);
    return fallback;
  }
}

function readDatabaseUrl(raw: string, problems: string[]): DatabaseConfig {
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') problems.push('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:data/app.db (or sqlite::memory:)');
    return { dialect: 'sqlite', file };
  }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    return { dialect: 'postgres', url: raw };
  }
  problems.push(`DATABASE_URL must start with sqlite: or postgres:// (got "${raw}")`);
  return { dialect: 'sqlite', file: 'data/app.db' };
}

function readOrigins(raw: string, problems: string[]): string[] {
  const origins = raw.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    try {
      const url = new URL(origin);
      if (url.origin !== origin) problems.push(`CORS_ORIGINS entry "${origin}" must be a bare origin like https://app.example.com`);
    } catch {
      problems.push(`CORS_ORIGINS entry "${origin}" is not a URL`);
    }
  }
  return origins;
}
