import path from 'node:path';

/** Runtime configuration, read once from the environment. Every knob has a safe default for `npm start`. */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  demoPassword: string | null;
  /** Households generated for the demo county on first start (ZENGSHOU_DEMO_HOUSEHOLDS; 0 = none). */
  demoHouseholds: number;
  /** Behind a reverse proxy the client address comes from X-Forwarded-For. */
  trustProxy: boolean;
  /** Cookies need `Secure` when served over HTTPS. */
  secureCookies: boolean;
  webDistDir: string;
  logLevel: string;
  /** Requests per minute per client IP, for the whole API and for login attempts. */
  rateLimits: { perMinute: number; loginPerMinute: number };
  /** Test and training only: a file holding a number of days the clock runs ahead (ZENGSHOU_CLOCK_OFFSET_FILE). */
  clockOffsetFile: string | null;
  /** The public self-declaration form (农户自主申报): its rate limits and the address printed in QR codes. */
  declarations: DeclarationConfig;
}

export interface DeclarationConfig {
  /** Submissions per client IP per window (DECLARATION_RATE_LIMIT_PER_IP, DECLARATION_RATE_LIMIT_WINDOW_MINUTES). */
  perIp: number;
  windowMs: number;
  /** Submissions per ID number in any 24 hours (DECLARATION_RATE_LIMIT_PER_ID_PER_DAY). */
  perIdPerDay: number;
  /** Status lookups and village lookups per client IP per window (DECLARATION_LOOKUP_RATE_LIMIT_PER_IP). */
  lookupsPerIp: number;
  /** Base address of the public form in printed QR codes (PUBLIC_BASE_URL); null = the request's own host. */
  publicBaseUrl: string | null;
}

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? path.join(process.cwd(), 'data')),
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.trim() !== '' ? env.DATABASE_URL : null,
    demoPassword: env.ZENGSHOU_DEMO_PASSWORD ?? null,
    demoHouseholds: env.ZENGSHOU_DEMO_HOUSEHOLDS ? Number(env.ZENGSHOU_DEMO_HOUSEHOLDS) : 40_000,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    secureCookies: env.SECURE_COOKIES === '1' || env.SECURE_COOKIES === 'true',
    webDistDir: path.join(repoRoot, 'packages/web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    rateLimits: { perMinute: Number(env.RATE_LIMIT_PER_MINUTE ?? 10_000), loginPerMinute: Number(env.LOGIN_RATE_LIMIT_PER_MINUTE ?? 20) },
    clockOffsetFile: env.ZENGSHOU_CLOCK_OFFSET_FILE ? path.resolve(env.ZENGSHOU_CLOCK_OFFSET_FILE) : null,
    declarations: {
      perIp: Number(env.DECLARATION_RATE_LIMIT_PER_IP ?? 5),
      windowMs: Number(env.DECLARATION_RATE_LIMIT_WINDOW_MINUTES ?? 10) * 60_000,
      perIdPerDay: Number(env.DECLARATION_RATE_LIMIT_PER_ID_PER_DAY ?? 3),
      lookupsPerIp: Number(env.DECLARATION_LOOKUP_RATE_LIMIT_PER_IP ?? 60),
      publicBaseUrl: env.PUBLIC_BASE_URL && env.PUBLIC_BASE_URL.trim() !== '' ? env.PUBLIC_BASE_URL.trim().replace(/\/+$/, '') : null,
    },
  };
}

export const paths = { repoRoot, migrationsDir: path.join(repoRoot, 'packages/server/migrations') };
