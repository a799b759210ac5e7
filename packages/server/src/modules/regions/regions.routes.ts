import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regionPrefixSchema } from '@zengshou/core';
import { requireActor } from '../../platform/http/context.ts';
import type { RegionsService } from './regions.service.ts';
import { presentRegion } from './regions.presenter.ts';

const tags = ['行政区划'];

export async function regionsRoutes(app: FastifyInstance, opts: { regions: RegionsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/regions/children',
    {
      config: { permission: 'regions:read' },
      schema: { tags, summary: '下级地区（不带 parent 时返回本账号的管辖地区）', querystring: z.object({ parent: regionPrefixSchema.optional() }) },
    },
    async (request) => ({
      items: (await opts.regions.children(requireActor(request.actor), request.query.parent)).map(presentRegion),
    }),
  );
  r.get(
    '/api/regions/:code',
    { config: { permission: 'regions:read' }, schema: { tags, summary: '地区及其上级路径', params: z.object({ code: regionPrefixSchema }) } },
    async (request) => {
      const { region, path } = await opts.regions.region(requireActor(request.actor), request.params.code);
      return { region: presentRegion(region), path };
    },
  );
}
