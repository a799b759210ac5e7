import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { makeIdNumber, maskIdNumber } from '@zengshou/core';
import { launchBrowser, login, newPage, screenshot } from './support/browser.ts';
import { ApiSession } from './support/api.ts';

/**
 * 部门筛查预警: the civil-affairs data clerk ('dept') trial-matches a .csv list (one member known to the registry, one
 * stranger), reviews the diff, confirms; the county administrator then finds the pushed warning on the warnings page.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const seq = () => String(100 + Math.floor(Math.random() * 800)).padStart(3, '0');

describe('department list journey in Chromium', () => {
  it('a department account trial-matches, confirms, and the county sees the warning', { timeout: 300_000 }, async () => {
    const stamp = Date.now().toString(36).toUpperCase();
    const clerkApi = await ApiSession.login('clerk');
    const village = clerkApi.user!.regionCode;
    const householdNo = `E2E-DEPT-${stamp}`;
    const h = await clerkApi.post('/api/households', { householdNo, villageCode: village, address: '第三村民小组', householdType: 'poverty_exit', assistanceStatus: 'none' });
    const person = makeIdNumber('533423', '19680305', seq());
    await clerkApi.post('/api/members', {
      householdId: h.household.id, name: '和建华', idNumber: person, relation: 'head', labourCapacity: 'normal', health: 'healthy', schooling: 'primary', schoolingStatus: 'not_applicable', employmentStatus: 'farming',
    });
    const stranger = makeIdNumber('533423', '19920101', seq());

    const page = await newPage(browser);
    await login(page, 'dept');
    await page.getByTestId('menu-department').click();
    await page.getByTestId('department-page').waitFor();
    // The department account has no registry menu at all.
    expect(await page.getByTestId('menu-households').count()).toBe(0);

    const dir = mkdtempSync(path.join(os.tmpdir(), 'zs-e2e-dept-'));
    const file = path.join(dir, '民政低保名单.csv');
    writeFileSync(file, `姓名,身份证号,救助类别,变动,变动日期\n和建华,${person},低保,新增,2026-01-15\n李四,${stranger},低保,新增,2026-01-15\n`);
    await page.getByTestId('department-upload').setInputFiles(file);
    const result = page.getByTestId('department-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getAttribute('data-status')).toBe('dry_run');
    expect(await page.getByTestId('department-count-matched').getAttribute('data-value')).toBe('1');
    expect(await page.getByTestId('department-count-unmatched').getAttribute('data-value')).toBe('1');
    const rows = await page.getByTestId('department-rows').innerText();
    expect(rows).toContain(maskIdNumber(person));
    expect(rows).not.toContain(person);
    expect(rows).toContain('比对成功');
    expect(rows).toContain('未比对上');
    await screenshot(page, 'department-dry-run');

    await page.getByTestId('department-apply').click();
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 60_000 }).toBe('applied');
    await expect.poll(() => page.getByTestId('department-applied').innerText()).toContain('推送预警 1 条');
    await expect.poll(() => page.getByTestId('department-history').innerText()).toContain('已导入');
    await screenshot(page, 'department-applied');

    // The county administrator: the warning, in the list's own order (found through the API to open the right page).
    const countyApi = await ApiSession.login('county');
    let index = -1;
    for (let p = 1; index < 0 && p <= 100; p++) {
      const list = await countyApi.get(`/api/warnings?pageSize=200&page=${p}`);
      const i = (list.items as { householdNo: string }[]).findIndex((w) => w.householdNo === householdNo);
      if (i >= 0) index = (p - 1) * 200 + i;
      if (list.items.length < 200) break;
    }
    expect(index).toBeGreaterThanOrEqual(0);
    const countyPage = await newPage(browser);
    await login(countyPage, 'county');
    await countyPage.getByTestId('menu-warnings').waitFor();
    await countyPage.goto(`/monitoring/warnings?pageSize=100&page=${Math.floor(index / 100) + 1}`);
    const row = countyPage.getByTestId(`warning-row-${householdNo}-department:civil_affairs`);
    await row.waitFor({ timeout: 60_000 });
    const text = await row.innerText();
    expect(text).toContain('新纳入低保');
    expect(text).toContain('民政部门推送');
    expect(await row.getByTestId('warning-false-positive').count()).toBe(1);
    await screenshot(countyPage, 'department-warning-county');
  });
});
