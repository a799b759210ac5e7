import { z } from 'zod';
import { ROLES } from './roles.ts';

const regionPrefix = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '地区编码应为 2/4/6/9/12 位数字');

/** `.strict()`: an extra field such as `id`, `status` or `__proto__` in a request is refused, never stored. */
export const userCreateSchema = z
  .object({
    username: z.string().trim().regex(/^[a-zA-Z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或连字符'),
    displayName: z.string().trim().min(1, '请填写姓名').max(40),
    roles: z.array(z.enum(ROLES)).min(1, '至少选择一个角色').max(8),
    regionCode: regionPrefix,
    password: z.string().min(1).max(128),
  })
  .strict();
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z
  .object({
    version: z.number().int().positive(),
    displayName: z.string().trim().min(1).max(40).optional(),
    roles: z.array(z.enum(ROLES)).min(1).max(8).optional(),
    regionCode: regionPrefix.optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .strict();
export type UserUpdateInput = z.infer<typeof userUpdateSchema>;

export const passwordResetSchema = z.object({ password: z.string().min(1).max(128) }).strict();
export const passwordChangeSchema = z
  .object({ oldPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) })
  .strict();
export const loginSchema = z
  .object({ username: z.string().trim().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(128) })
  .strict();
