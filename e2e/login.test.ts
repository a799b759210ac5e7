import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('login and role menus (Chromium)', () => {
  it('shows a Chinese error for a wrong password', async () => {
    const page = await newPage(browser);
    await login(page, 'county', 'Wrong-Password-1');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    await screenshot(page, 'login-wrong-password');
  });

  it('the security admin sees user management but not the audit log; the auditor the reverse', async () => {
    const sec = await newPage(browser);
    await login(sec, 'secadmin');
    await sec.getByTestId('main-menu').waitFor();
    const secMenu = await sec.getByTestId('main-menu').innerText();
    expect(secMenu).toContain('用户管理');
    expect(secMenu).not.toContain('审计日志');
    expect(secMenu).not.toContain('农户档案');
    await expect.poll(() => sec.getByTestId('region-tree').innerText()).toContain('维西傈僳族自治县');
    await screenshot(sec, 'secadmin-home');

    const auditor = await newPage(browser);
    await login(auditor, 'auditor');
    await auditor.getByTestId('main-menu').waitFor();
    const auditMenu = await auditor.getByTestId('main-menu').innerText();
    expect(auditMenu).toContain('审计日志');
    expect(auditMenu).not.toContain('用户管理');
    await auditor.goto('/admin/audit');
    await auditor.getByTestId('audit-table').waitFor();
    await expect.poll(() => auditor.getByTestId('audit-table').innerText()).toMatch(/登录/);
    await screenshot(auditor, 'auditor-audit-log');
  });

  it('a village clerk sees only their own village in the region tree', async () => {
    const page = await newPage(browser);
    await login(page, 'clerk');
    await page.getByTestId('region-tree').waitFor();
    await expect.poll(() => page.getByTestId('region-tree').innerText()).toContain('南路社区');
    const text = await page.getByTestId('region-tree').innerText();
    expect(text).not.toContain('维西傈僳族自治县');
    expect(text).not.toContain('叶枝镇');
  });
});
