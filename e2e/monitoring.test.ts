import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('early warnings in Chromium', () => {
  it('the county administrator sees explained warnings and re-evaluates; a viewer cannot re-evaluate', async () => {
    const page = await newPage(browser);
    await login(page, 'county');
    await page.getByTestId('menu-warnings').click();
    await page.getByTestId('warnings-table').waitFor();
    await expect.poll(() => page.getByTestId('warnings-table').innerText()).toMatch(/元/);
    // Whatever earlier journeys changed, a second evaluation straight after the first changes nothing.
    await page.getByTestId('warnings-evaluate').click();
    await expect.poll(() => page.getByTestId('warnings-evaluate-result').innerText(), { timeout: 60_000 }).toMatch(/新增 \d+、更新 \d+、关闭 \d+/);
    const first = await page.getByTestId('warnings-evaluate-result').innerText();
    await page.getByTestId('warnings-evaluate').click();
    await expect.poll(async () => {
      const text = await page.getByTestId('warnings-evaluate-result').innerText();
      return text !== first || /新增 0、更新 0、关闭 0/.test(first) ? text : '';
    }, { timeout: 60_000 }).toMatch(/新增 0、更新 0、关闭 0/);
    await screenshot(page, 'monitoring-warnings');

    const viewer = await newPage(browser);
    await login(viewer, 'viewer');
    await viewer.getByTestId('menu-warnings').click();
    await viewer.getByTestId('warnings-table').waitFor();
    expect(await viewer.getByTestId('warnings-evaluate').count()).toBe(0);
  });
});
