import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { logicCheckConfigSchema, securitySettingsUpdateSchema, warningConfigSchema, type LogicCheckConfig, type WarningConfig } from '@zengshou/core';
import { z } from 'zod';
import { requireActor } from '../../platform/http/context.ts';
import type { SettingsService } from './settings.service.ts';

const tags = ['系统设置'];

export async function settingsRoutes(app: FastifyInstance, opts: { settings: SettingsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/settings', { config: { permission: 'settings:manage' }, schema: { tags, summary: '读取安全设置' } }, async () =>
    opts.settings.security(),
  );

  r.put(
    '/api/settings',
    { config: { permission: 'settings:manage' }, schema: { tags, summary: '修改安全设置', body: securitySettingsUpdateSchema } },
    async (request) =>
      opts.settings.updateSecurity(requireActor(request.actor), request.ip, request.body.version, request.body.settings),
  );

  r.get('/api/settings/logic-checks', { config: { permission: 'settings:manage' }, schema: { tags, summary: '读取逻辑校验阈值' } }, async () =>
    opts.settings.logicChecks(),
  );
  r.put(
    '/api/settings/logic-checks',
    {
      config: { permission: 'settings:manage' },
      schema: { tags, summary: '修改逻辑校验阈值（金额为分，按全年计）', body: z.object({ version: z.number().int().positive(), config: logicCheckConfigSchema }).strict() },
    },
    async (request) =>
      opts.settings.updateLogicChecks(requireActor(request.actor), request.ip, request.body.version, request.body.config as LogicCheckConfig),
  );

  r.get('/api/settings/warnings', { config: { permission: 'settings:manage' }, schema: { tags, summary: '读取预警规则设置（阈值、启用、权重）及规则目录' } }, async () =>
    opts.settings.warnings(),
  );
  r.put(
    '/api/settings/warnings',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags,
        summary: '修改预警规则设置（幅度为百分数，金额为分，按全年计；下次重新研判时生效）',
        body: z.object({ version: z.number().int().positive(), config: warningConfigSchema }).strict(),
      },
    },
    async (request) =>
      opts.settings.updateWarnings(requireActor(request.actor), request.ip, request.body.version, request.body.config as WarningConfig),
  );
}
