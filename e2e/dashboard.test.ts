import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { formatYuan, type Dashboard, type DashboardChild } from '@zengshou/core';
import { launchBrowser, login, newPage, screenshot } from './support/browser.ts';
import { ApiSession } from './support/api.ts';

/**
 * 数据看板 in Chromium: the county administrator opens the county dashboard, reads the headline figures (checked
 * against what the API answers for the same region and quarter, never against numbers written here), clicks one
 * township's bar in the ranking chart and lands on that township's household list, whose total is the township's
 * household count on the dashboard and whose rows all lie in that township.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** "12.5%", computed here from the fraction rather than by the page's own formatter. */
const percent = (fraction: number) => `${(Math.round(fraction * 1000) / 10).toFixed(1)}%`;

/**
 * Clicks the bar of `name` in the ranking chart. The chart is drawn as SVG, so the bar is a real element: it is the
 * filled shape right of the axis name, on the same row.
 */
async function clickRankingBar(page: Page, name: string) {
  const chart = page.getByTestId('dashboard-ranking-chart');
  const locate = () =>
    chart.evaluate((element, township) => {
      const svg = element.querySelector('svg');
      if (!svg) return null;
      const label = [...svg.querySelectorAll('text')].find((t) => t.textContent?.trim() === township);
      if (!label) return null;
      // The mouse clicks in the viewport: bring the row into it first.
      label.scrollIntoView({ block: 'center' });
      const at = label.getBoundingClientRect();
      const row = at.top + at.height / 2;
      const bars = [...svg.querySelectorAll('path')]
        .map((p) => p.getBoundingClientRect())
        .filter((r) => r.left >= at.right - 1 && r.top <= row && r.bottom >= row && r.width > 4 && r.height > 4 && r.height < 40);
      const bar = bars.sort((a, b) => b.width - a.width)[0];
      return bar ? { x: bar.left + Math.min(bar.width / 2, 40), y: row } : null;
    }, name);
  // The bars grow in with an animation (and the chart may still be laying out): wait until the row has its bar.
  let point: { x: number; y: number } | null = null;
  await expect.poll(async () => (point = await locate()) !== null, { timeout: 15_000, message: `排名图中“${name}”的柱子` }).toBe(true);
  await page.mouse.click(point!.x, point!.y);
}

describe('dashboard journey in Chromium', () => {
  it('the county reads its dashboard and drills from a township bar to its households', { timeout: 300_000 }, async () => {
    const api = await ApiSession.login('county');
    const county = api.user!.regionCode;

    const page = await newPage(browser, { width: 1366, height: 768 });
    await login(page, 'county');
    await page.getByTestId('menu-dashboard').click();
    const content = page.getByTestId('dashboard-content');
    // The page settles on a period (the latest quarter with income) and keeps it in the address bar.
    await page.waitForURL(/\/dashboard\?year=\d{4}&quarter=[1-4]/, { timeout: 60_000 });
    await content.waitFor({ timeout: 60_000 });
    await expect.poll(() => content.getAttribute('data-quarter')).toBe(new URL(page.url()).searchParams.get('quarter'));
    const year = Number(await content.getAttribute('data-year'));
    const quarter = Number(await content.getAttribute('data-quarter'));
    expect(await content.getAttribute('data-region-code')).toBe(county);

    const expected = await api.get<Dashboard>(`/api/dashboard?region=${county}&year=${year}&quarter=${quarter}`);
    // The default period has income: otherwise a county would open on an empty quarter.
    expect(expected.income.reported.households).toBeGreaterThan(0);

    const kpi = (id: string) => page.getByTestId(`kpi-${id}-value`).innerText();
    expect(Number(await page.getByTestId('kpi-households').getAttribute('data-value'))).toBe(expected.population.total.households);
    expect((await kpi('households')).replace(/,/g, '')).toBe(String(expected.population.total.households));
    expect((await kpi('monitored')).replace(/,/g, '')).toBe(String(expected.population.monitored.households));
    expect(await kpi('ytd')).toBe(formatYuan(expected.income.ytdPerCapitaNetFen!));
    expect(await kpi('projected')).toBe(formatYuan(expected.income.projectedPerCapitaNetFen!));
    if (expected.income.incomeFellShare !== null) expect(await kpi('income-fell')).toBe(percent(expected.income.incomeFellShare));
    if (expected.income.businessFellShare !== null) expect(await kpi('business-fell')).toBe(percent(expected.income.businessFellShare));
    if (expected.gap) expect(await page.getByTestId('kpi-projected').innerText()).toContain(percent(expected.gap.reachedShare));
    // Every figure says what it counts (the explanation is in Chinese).
    await page.getByTestId('kpi-income-fell-explain').hover();
    await expect.poll(() => page.locator('.ant-tooltip').last().innerText()).toContain('去年同期');
    expect(Number(await page.getByTestId('dashboard-cases-overdue').getAttribute('data-value'))).toBe(expected.cases.overdue);

    // The ranking lists every township, each with its household count.
    expect(expected.children.length).toBeGreaterThan(1);
    for (const child of expected.children) {
      expect(Number(await page.getByTestId(`ranking-list-${child.code}`).getAttribute('data-value'))).toBe(child.households);
    }
    await screenshot(page, 'dashboard-county');

    // Not the top bar: the second township by household count, so the click has to hit the right row.
    const township: DashboardChild = [...expected.children].sort((a, b) => b.households - a.households)[1]!;
    await clickRankingBar(page, township.name);

    await page.waitForURL(/\/dashboard\/households\?/, { timeout: 30_000 });
    const params = new URL(page.url()).searchParams;
    expect(params.get('region')).toBe(township.code);
    expect(params.get('metric')).toBe('all');
    expect(params.get('year')).toBe(String(year));
    expect(params.get('quarter')).toBe(String(quarter));

    const table = page.getByTestId('drill-table');
    await expect.poll(() => table.getAttribute('data-total'), { timeout: 60_000 }).toBe(String(township.households));
    await expect.poll(() => page.getByTestId('drill-subtitle').innerText()).toContain(township.name);
    await expect.poll(() => page.getByTestId('drill-page').locator('h4').innerText()).toBe(`全部农户（${township.name}）`);
    const villages = await table.locator('tbody tr[data-village-code]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-village-code')));
    expect(villages.length).toBeGreaterThan(0);
    for (const village of villages) expect(village!.startsWith(township.code)).toBe(true);
    // Rows are masked like every list and lead to the household page.
    const first = table.getByTestId('drill-household-link').first();
    expect(await first.getAttribute('href')).toMatch(/^\/registry\/households\/[0-9a-f-]{36}$/);
    expect(await table.innerText()).not.toMatch(/\d{17}[\dX]/);
    await screenshot(page, 'dashboard-township-households');

    // The other way down: the township's own dashboard, from its button in the ranking table.
    await page.getByTestId('drill-back').click();
    await page.getByTestId(`ranking-open-${township.code}`).click();
    await expect.poll(() => content.getAttribute('data-region-code'), { timeout: 60_000 }).toBe(township.code);
    expect(Number(await page.getByTestId('kpi-households').getAttribute('data-value'))).toBe(township.households);
    await page.getByTestId(`dashboard-breadcrumb-${county}`).waitFor();
  });

  it('the county exports the month\'s dispatch report (县级每月调度) as .xlsx', { timeout: 180_000 }, async () => {
    const api = await ApiSession.login('county');
    const page = await newPage(browser, { width: 1366, height: 768 });
    await login(page, 'county');
    await page.getByTestId('menu-reports').click();
    await page.getByTestId('report-dispatch-sheet').waitFor({ timeout: 60_000 });
    const month = await page.getByTestId('report-month').evaluate((el) => (el instanceof HTMLInputElement ? el : el.querySelector('input'))!.value);
    expect(month).toMatch(/^\d{4}-\d{2}$/);
    const report = await api.call<{ region: { name: string }; progress: { total: Record<string, number> }; children: { name: string }[] }>('GET', `/api/reports/dispatch?month=${month}`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-dispatch-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const title = String(book.getWorksheet('调度概况')!.getCell('A1').value);
    expect(title).toContain(report.region.name);
    // The month's totals row and the townships are what the API reports for the same month.
    const progress = book.getWorksheet('本月工作进展')!;
    const totals = progress.getRow(progress.rowCount).values as unknown[];
    const t = report.progress.total;
    expect(totals.slice(1)).toEqual(['合计', t.leadsOpened, t.identificationsApproved, t.eliminationsApproved, t.notIncluded, t.measuresAdded, t.measuresCompleted, t.overdueAtMonthEnd]);
    const children = book.getWorksheet('下级地区')!;
    const names: string[] = [];
    children.eachRow((row) => names.push(String(row.getCell(1).value)));
    for (const child of report.children) expect(names).toContain(child.name);
  });
});
