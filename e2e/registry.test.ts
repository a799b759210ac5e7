import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { containsUnmaskedPersonalData } from '@zengshou/core';
import { launchBrowser, login, newPage, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('household registry in Chromium', () => {
  it('a village clerk finds a household, opens it and sees the income chart by the four parts', async () => {
    const page = await newPage(browser);
    await login(page, 'clerk');
    await page.getByTestId('menu-households').click();
    await page.getByTestId('households-table').waitFor();
    const firstRow = page.locator('[data-testid^="household-row-"]').first();
    await firstRow.waitFor();
    const listText = await page.getByTestId('households-table').innerText();
    expect(containsUnmaskedPersonalData(listText)).toEqual([]);
    await screenshot(page, 'registry-list');
    await firstRow.click();
    await page.getByTestId('household-detail').waitFor();
    await page.getByTestId('members-table').waitFor();
    const chart = page.getByTestId('income-chart');
    await chart.waitFor();
    // ECharts draws on a canvas; the chart is there when the canvas has a size and the periods are bound.
    await expect.poll(async () => chart.locator('canvas').count()).toBeGreaterThan(0);
    const box = await chart.locator('canvas').first().boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(150);
    expect(Number(await chart.getAttribute('data-periods'))).toBeGreaterThanOrEqual(3);
    const detailText = await page.getByTestId('household-detail').innerText();
    expect(containsUnmaskedPersonalData(detailText)).toEqual([]);
    await screenshot(page, 'registry-household');
  });

  it('imports a CSV in a dry run and shows the result with the bad row', async () => {
    const page = await newPage(browser);
    await login(page, 'county');
    await page.getByTestId('menu-import').click();
    await page.getByTestId('import-page').waitFor();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zs-e2e-import-'));
    const file = path.join(dir, '户信息.csv');
    writeFileSync(file, '户编号,村级区划代码,户类型\nE2E-0001,533423101001,脱贫户\nE2E-0002,533423999999,一般农户\n');
    await page.getByTestId('import-mode-valid').click();
    await page.getByTestId('import-dry-run').check();
    await page.getByTestId('import-upload').setInputFiles(file);
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 60_000 });
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 60_000 }).toBe('succeeded');
    await expect.poll(() => page.getByTestId('import-errors').innerText()).toContain('村级区划代码不存在');
    await screenshot(page, 'registry-import-dry-run');
  });
});
