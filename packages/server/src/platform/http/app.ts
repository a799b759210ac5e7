import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyError } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../config.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { AuditLog } from '../audit/audit-log.ts';
import { DomainError } from '../errors.ts';
import type { AppDeps } from './context.ts';
import { collectRoute, type RegisteredRoute } from './route-registry.ts';
import { installGuard } from './guard.ts';
import { SettingsService } from '../../modules/settings/settings.service.ts';
import { settingsRoutes } from '../../modules/settings/settings.routes.ts';
import { AuthService } from '../../modules/auth/auth.service.ts';
import { authRoutes } from '../../modules/auth/auth.routes.ts';
import { RegionsService } from '../../modules/regions/regions.service.ts';
import { regionsRoutes } from '../../modules/regions/regions.routes.ts';
import { UsersService } from '../../modules/users/users.service.ts';
import { usersRoutes } from '../../modules/users/users.routes.ts';
import { auditRoutes } from '../../modules/audit/audit.routes.ts';
import { healthRoutes, APP_VERSION } from '../../modules/health/health.routes.ts';
import { RegistryService } from '../../modules/registry/registry.service.ts';
import { HouseholdHistoryService } from '../../modules/registry/household-history.service.ts';
import { registryRoutes, registryExportRoutes } from '../../modules/registry/registry.routes.ts';
import { IncomeService } from '../../modules/income/income.service.ts';
import { incomeRoutes } from '../../modules/income/income.routes.ts';
import { ImportService } from '../../modules/imports/imports.service.ts';
import { importsRoutes } from '../../modules/imports/imports.routes.ts';
import { MonitoringService } from '../../modules/monitoring/monitoring.service.ts';
import { monitoringRoutes } from '../../modules/monitoring/monitoring.routes.ts';
import { FocusService } from '../../modules/focus/focus.service.ts';
import { focusRoutes } from '../../modules/focus/focus.routes.ts';
import { casesRoutes } from '../../modules/cases/cases.routes.ts';
import { CasesService } from '../../modules/cases/cases.service.ts';
import { declarationsRoutes } from '../../modules/declarations/declarations.routes.ts';
import { DeclarationsService } from '../../modules/declarations/declarations.service.ts';
import { departmentRoutes } from '../../modules/department/department.routes.ts';
import { DepartmentService } from '../../modules/department/department.service.ts';
import { targetsRoutes } from '../../modules/targets/targets.routes.ts';
import { dashboardRoutes } from '../../modules/dashboard/dashboard.routes.ts';
import { reportsRoutes } from '../../modules/reports/reports.routes.ts';
import { exchangeRoutes } from '../../modules/exchange/exchange.routes.ts';

z.config(z.locales.zhCN());

export interface BuildOptions {
  db: Database;
  config: AppConfig;
  clock: Clock;
  logger?: boolean | object;
  /** Per-IP request budget per minute for the whole API, and for login attempts. */
  rateLimits?: { perMinute: number; loginPerMinute: number };
  /** Extra route plugins (tests use this to prove an undeclared route is refused). */
  extraRoutes?: (app: FastifyInstance) => Promise<void>;
}

export interface BuiltApp {
  app: FastifyInstance;
  routes: RegisteredRoute[];
  deps: AppDeps;
  services: {
    auth: AuthService;
    settings: SettingsService;
    regions: RegionsService;
    users: UsersService;
    registry: RegistryService;
    income: IncomeService;
    imports: ImportService;
  };
}

export async function buildApp(options: BuildOptions): Promise<BuiltApp> {
  const { db, config, clock } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    // Request ids let a user's error report be matched to the log line.
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => collectRoute(routes, route));

  const audit = new AuditLog(db, clock);
  const deps: AppDeps = { db, config, clock, audit };
  const settings = new SettingsService(deps);
  const auth = new AuthService(deps, settings);
  const regions = new RegionsService(deps);
  const users = new UsersService(deps, settings);
  const registry = new RegistryService(deps);
  const income = new IncomeService(deps, registry);
  const imports = new ImportService(deps);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles at run time (CSS-in-JS).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { files: 1, fields: 10, fieldSize: 1024 } });
  const limits = options.rateLimits ?? config.rateLimits;
  await app.register(rateLimit, {
    global: true,
    max: limits.perMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      error: { code: 'rate_limited', message: `请求过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试` },
    }),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: '增收平台 API', description: '防止返贫动态监测和帮扶 · 脱贫人口持续增收', version: APP_VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zs_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installGuard(app, { auth, audit });
  installErrorHandling(app);

  await app.register(healthRoutes, { deps });
  await app.register(authRoutes, {
    auth,
    regions,
    secureCookies: config.secureCookies,
    loginRateLimit: { max: limits.loginPerMinute, timeWindow: 60_000 },
  });
  await app.register(regionsRoutes, { regions });
  await app.register(usersRoutes, { users });
  await app.register(settingsRoutes, { settings });
  await app.register(auditRoutes, { deps });
  await app.register(registryRoutes, { registry, history: new HouseholdHistoryService(deps, registry) });
  await app.register(registryExportRoutes, { deps });
  await app.register(incomeRoutes, { income });
  await app.register(importsRoutes, { deps, imports });
  await app.register(monitoringRoutes, { monitoring: new MonitoringService(deps) });
  await app.register(focusRoutes, { focus: new FocusService(deps), deps });
  await app.register(casesRoutes, { cases: new CasesService(deps) });
  await app.register(declarationsRoutes, { declarations: new DeclarationsService(deps, config.declarations), deps, config: config.declarations });
  await app.register(departmentRoutes, { deps, department: new DepartmentService(deps) });
  await app.register(targetsRoutes, { deps });
  await app.register(dashboardRoutes, { deps });
  await app.register(reportsRoutes, { deps });
  await app.register(exchangeRoutes, { deps });
  if (options.extraRoutes) await app.register(options.extraRoutes);

  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  serveWebApp(app, config.webDistDir);
  await app.ready();
  return { app, routes, deps, services: { auth, settings, regions, users, registry, income, imports } };
}

function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      return reply.code(error.status).send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({ path: v.instancePath, message: v.message }));
      const message = issues.map((i) => (i.path ? `${i.path.replace(/^\//, '')}：${i.message}` : i.message)).join('；');
      return reply.code(400).send({ error: { code: 'validation_failed', message: `输入有误：${message}`, details: issues } });
    }
    if (error.statusCode === 429) {
      return reply.code(429).send({ error: { code: 'rate_limited', message: '请求过于频繁，请稍后再试' } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: { code: error.code ?? 'bad_request', message: '请求无效' } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'internal', message: '服务器内部错误，请稍后重试', details: { requestId: request.id } } });
  });
}

/** The React app is served by the same server; any non-API path falls back to index.html (client-side routes). */
function serveWebApp(app: FastifyInstance, distDir: string) {
  const hasWeb = existsSync(path.join(distDir, 'index.html'));
  if (hasWeb) {
    void app.register(fastifyStatic, { root: distDir, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.code(404).send({ error: { code: 'not_found', message: '接口不存在' } });
    }
    if (!hasWeb) return reply.code(404).type('text/plain; charset=utf-8').send('前端尚未构建：请运行 npm start');
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
