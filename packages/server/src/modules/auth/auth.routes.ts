import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loginSchema, passwordChangeSchema } from '@zengshou/core';
import { requireActor } from '../../platform/http/context.ts';
import { CSRF_COOKIE, SESSION_COOKIE, cookieOptions } from '../../platform/http/guard.ts';
import type { AuthService } from './auth.service.ts';
import { newToken } from './auth.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import { presentMe } from './auth.presenter.ts';

const tags = ['登录与会话'];

export async function authRoutes(
  app: FastifyInstance,
  opts: { auth: AuthService; regions: RegionsService; secureCookies: boolean; loginRateLimit: { max: number; timeWindow: number } },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setCsrfCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(CSRF_COOKIE, token, { ...cookieOptions(opts.secureCookies), httpOnly: false });

  r.get('/api/auth/csrf', { config: { permission: 'public' }, schema: { tags, summary: '取得防跨站请求令牌' } }, async (req, reply) => {
    if (req.actor) return { csrfToken: req.actor.csrfToken };
    const existing = req.cookies[CSRF_COOKIE];
    const token = existing && existing.length >= 32 ? existing : newToken();
    setCsrfCookie(reply, token);
    return { csrfToken: token };
  });

  r.post(
    '/api/auth/login',
    {
      config: { permission: 'public', rateLimit: opts.loginRateLimit },
      schema: { tags, summary: '登录', body: loginSchema },
    },
    async (req, reply) => {
      const { sessionId, actor } = await opts.auth.login({
        username: req.body.username,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
        previousSessionId: req.cookies[SESSION_COOKIE] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, sessionId, cookieOptions(opts.secureCookies));
      setCsrfCookie(reply, actor.csrfToken);
      return { user: presentMe(actor, await opts.regions.pathName(actor.scope)), csrfToken: actor.csrfToken };
    },
  );

  r.post('/api/auth/logout', { config: { permission: 'authenticated' }, schema: { tags, summary: '退出登录' } }, async (req, reply) => {
    await opts.auth.logout(requireActor(req.actor), req.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/api/auth/me', { config: { permission: 'authenticated' }, schema: { tags, summary: '当前用户' } }, async (req) => {
    const actor = requireActor(req.actor);
    return { user: presentMe(actor, await opts.regions.pathName(actor.scope)), csrfToken: actor.csrfToken };
  });

  r.post(
    '/api/auth/password',
    { config: { permission: 'authenticated' }, schema: { tags, summary: '修改本人密码', body: passwordChangeSchema } },
    async (req) => {
      await opts.auth.changePassword(requireActor(req.actor), req.ip, req.body.oldPassword, req.body.newPassword);
      return { ok: true };
    },
  );
}
