import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { passwordResetSchema, userCreateSchema, userUpdateSchema } from '@zengshou/core';
import { requireActor } from '../../platform/http/context.ts';
import type { UsersService } from './users.service.ts';

const tags = ['用户管理'];
const idParams = z.object({ id: z.uuid('用户编号无效') });
const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(64).optional(),
});
const config = { permission: 'users:manage' } as const;

export async function usersRoutes(app: FastifyInstance, opts: { users: UsersService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/users', { config, schema: { tags, summary: '用户列表', querystring: listQuery } }, async (req) =>
    opts.users.list(requireActor(req.actor), { search: req.query.q || null, page: req.query.page, pageSize: req.query.pageSize }),
  );
  r.post('/api/users', { config, schema: { tags, summary: '新建用户', body: userCreateSchema } }, async (req, reply) => {
    reply.code(201);
    return { user: await opts.users.create(requireActor(req.actor), req.ip, req.body) };
  });
  r.patch('/api/users/:id', { config, schema: { tags, summary: '修改用户（须带读取时的 version）', params: idParams, body: userUpdateSchema } }, async (req) => ({
    user: await opts.users.update(requireActor(req.actor), req.ip, req.params.id, req.body),
  }));
  r.post('/api/users/:id/unlock', { config, schema: { tags, summary: '解锁账号', params: idParams } }, async (req) => ({
    user: await opts.users.unlock(requireActor(req.actor), req.ip, req.params.id),
  }));
  r.post(
    '/api/users/:id/reset-password',
    { config, schema: { tags, summary: '重置密码（用户下次登录须修改）', params: idParams, body: passwordResetSchema } },
    async (req) => {
      await opts.users.resetPassword(requireActor(req.actor), req.ip, req.params.id, req.body.password);
      return { ok: true };
    },
  );
}
