import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { securitySettingsUpdateSchema } from '@zengshou/core';
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
}
