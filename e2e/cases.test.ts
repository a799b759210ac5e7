import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { containsUnmaskedPersonalData, makeIdNumber } from '@zengshou/core';
import { launchBrowser, login, newPage, screenshot } from './support/browser.ts';
import { ApiSession, plusDays, serverToday, setClockOffsetDays } from './support/api.ts';

/**
 * One monitoring case across three roles, in Chromium: a low-income warning becomes a lead, is checked at home,
 * posted on the village notice, reviewed by the township (bulk, one confirmation), approved by the county, gets a
 * measure, and months later has its risk eliminated through the same path. Beside it, a household in which nobody
 * can work is refused elimination with the Chinese reason on screen. The server's clock is moved (never the
 * browser's) to live through the 5-day notice and the six months of monitoring.
 */
let browser: Browser;
let offset = 0;
beforeAll(async () => {
  browser = await launchBrowser();
  setClockOffsetDays(0);
});
afterAll(async () => {
  setClockOffsetDays(0);
  await browser?.close();
});

/** Moves the server clock; every session has expired by then, as it would have in real life. */
function advance(days: number) {
  offset += days;
  setClockOffsetDays(offset);
}

/** A fresh browser context signed in as `username` (the previous one, if any, is closed). */
async function signIn(username: string, previous?: Page): Promise<Page> {
  await previous?.context().close();
  const page = await newPage(browser);
  await login(page, username);
  await page.getByTestId('menu-cases').waitFor();
  return page;
}

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
}

/** Opens a step's form from the action panel and submits it, waiting until the case reaches `status`. */
async function takeStep(page: Page, step: string, status: string, fill?: () => Promise<void>) {
  await page.getByTestId(`case-step-${step}`).click();
  await page.getByTestId('case-step-form').waitFor();
  if (fill) await fill();
  await page.getByTestId('case-step-submit').click();
  // Generous: under CI the browser journeys share two cores with the server suites, and a step also refreshes rollups.
  await expect.poll(() => page.getByTestId('case-header').getAttribute('data-status'), { timeout: 60_000 }).toBe(status);
}

async function household(clerk: ApiSession, no: string, labour: 'normal' | 'none', wageYuan: string) {
  const village = clerk.user!.regionCode;
  const h = await clerk.post('/api/households', { householdNo: no, villageCode: village, address: '第三村民小组', householdType: 'ordinary', assistanceStatus: 'none', phone: '13912345678' });
  const id = h.household.id as string;
  const seq = String(900 + Math.floor(Math.random() * 99)).padStart(3, '0');
  await clerk.post('/api/members', {
    householdId: id, name: labour === 'none' ? '余老三' : '和春花', idNumber: makeIdNumber('533423', labour === 'none' ? '19480315' : '19820315', seq), relation: 'head',
    labourCapacity: labour, health: 'healthy', schooling: 'primary', schoolingStatus: 'not_applicable', employmentStatus: labour === 'none' ? 'other' : 'farming',
  });
  const year = Number(serverToday(0).slice(0, 4));
  const r = await clerk.post('/api/income-records', { householdId: id, year, quarter: 3, items: { wageOther: wageYuan } });
  expect(r.status, JSON.stringify(r.checks)).toBe('valid');
  return { id, village, year };
}

describe('monitoring case journey in Chromium', () => {
  it('takes a low-income warning to risk elimination across village, township and county, and refuses it for a household with no labour', { timeout: 600_000 }, async () => {
    const stamp = Date.now().toString(36).toUpperCase();
    // Set-up over the API: the household whose income has fallen, and one in which nobody can work.
    let clerkApi = await ApiSession.login('clerk');
    const poor = await household(clerkApi, `E2E-CASE-${stamp}`, 'normal', '4000');
    const noLabour = await household(clerkApi, `E2E-NOLAB-${stamp}`, 'none', '3800');

    // The county re-evaluates: the low income becomes an explained warning.
    let county = await signIn('county');
    await county.getByTestId('menu-warnings').click();
    await county.getByTestId('warnings-evaluate').click();
    await expect.poll(() => county.getByTestId('warnings-evaluate-result').innerText(), { timeout: 90_000 }).toMatch(/新增 \d+/);

    // Village: the warning becomes a lead, is checked at home (with the proposal) and goes on the notice.
    let clerk = await signIn('clerk');
    await clerk.getByTestId('menu-warnings').click();
    const row = clerk.getByTestId(`warning-row-E2E-CASE-${stamp}-below_line`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toMatch(/低于.*监测线/);
    await row.getByTestId('case-open-lead').click();
    await expect.poll(() => clerk.getByTestId('case-header').getAttribute('data-status'), { timeout: 60_000 }).toBe('lead');
    const caseUrl = clerk.url();
    const caseId = caseUrl.split('/').pop()!;
    const { caseNo } = await clerkApi.get<{ caseNo: string }>(`/api/cases/${caseId}`);
    expect(await clerk.locator('body').innerText()).toContain(caseNo);

    await takeStep(clerk, 'home_checked', 'home_check', async () => {
      await clerk.getByTestId('case-form-commitmentSigned').click();
      await clerk.getByTestId('case-form-authorisationSigned').click();
      await clerk.getByTestId('case-form-note').fill('入户核实：户主务工中断，家庭收入明显下降，农户已签署承诺书和授权书');
      await pick(clerk, 'case-form-category', '脱贫不稳定户');
      await pick(clerk, 'case-form-riskTypes', '因务工就业不稳');
      await clerk.keyboard.press('Escape');
    });
    await takeStep(clerk, 'notice_started', 'in_notice');

    // The notice the village posts: the name and the category, never an ID number or a phone.
    await clerk.goto(`/cases/notices?village=${poor.village}&kind=identification`);
    const sheet = clerk.getByTestId('notice-table');
    await sheet.waitFor();
    await expect.poll(() => sheet.innerText()).toContain('和春花');
    const noticeText = await clerk.getByTestId('notice-sheet').innerText();
    expect(noticeText).toMatch(/识别公示/);
    expect(noticeText).toContain('脱贫不稳定户');
    expect(noticeText).not.toMatch(/5334231982\d{7}[\dX]|13912345678/);
    expect(containsUnmaskedPersonalData(noticeText)).toEqual([]);
    await clerk.emulateMedia({ media: 'print' });
    expect(await clerk.getByTestId('notice-print').isVisible()).toBe(false);
    await screenshot(clerk, 'case-notice-print');
    await clerk.emulateMedia({ media: 'screen' });

    // The second household goes through identification over the API, so it is monitored when the months have passed.
    const start = serverToday(offset);
    let second = await clerkApi.post('/api/cases', { householdId: noLabour.id, source: 'cadre' });
    const step = async (s: ApiSession, event: Record<string, unknown>) => {
      second = await s.post(`/api/cases/${second.id}/events`, { expectedVersion: second.version, event });
    };
    await step(clerkApi, { type: 'home_checked', commitmentSigned: true, authorisationSigned: true, finding: 'include', note: '家中仅一位老人，无劳动能力', proposedCategory: 'unstable', proposedRiskTypes: ['lack_of_labour'] });
    await step(clerkApi, { type: 'notice_started', startDate: start, endDate: plusDays(start, 4) });

    // Six days later the notice has been served.
    advance(6);
    clerk = await signIn('clerk', clerk);
    await clerk.goto(caseUrl);
    await takeStep(clerk, 'notice_finished', 'township_review');
    clerkApi = await ApiSession.login('clerk');
    await step(clerkApi, { type: 'notice_finished', objections: 0 });

    // Township: the review queue, both cases approved in bulk with one confirmation.
    let reviewer = await signIn('reviewer');
    await reviewer.getByTestId('menu-cases').click();
    await reviewer.getByTestId('case-tab-mine').click();
    const queueRow = reviewer.getByTestId(`case-row-${caseNo}`);
    await queueRow.waitFor({ timeout: 60_000 });
    await queueRow.locator('input[type="checkbox"]').check();
    await reviewer.getByTestId(`case-row-${second.caseNo}`).locator('input[type="checkbox"]').check();
    await reviewer.getByTestId('case-bulk-approve').click();
    await expect.poll(() => reviewer.getByTestId('case-bulk-confirm-content').innerText()).toMatch(/2/);
    await reviewer.getByTestId('case-bulk-confirm').click();
    await expect.poll(() => reviewer.getByTestId('case-bulk-result').innerText(), { timeout: 60_000 }).toMatch(/2/);
    await screenshot(reviewer, 'case-township-bulk');

    // County: approves with the village's proposal pre-filled.
    county = await signIn('county', county);
    await county.goto(caseUrl);
    await takeStep(county, 'county_approved', 'monitored');
    expect(await county.getByTestId('case-header').innerText()).toContain('因务工就业不稳');
    const countyApi = await ApiSession.login('county');
    second = await countyApi.get(`/api/cases/${second.id}`);
    await step(countyApi, { type: 'county_approved', decision: 'approve', category: 'unstable', riskTypes: ['lack_of_labour'] });

    // Village: the first measure within the 10 days.
    clerk = await signIn('clerk', clerk);
    await clerk.goto(caseUrl);
    await takeStep(clerk, 'measure_added', 'monitored', async () => {
      await pick(clerk, 'case-form-measureCategory', '就业帮扶');
      await clerk.getByTestId('case-form-owner').fill('县人力资源和社会保障局');
    });
    await expect.poll(() => clerk.getByTestId('case-measures').innerText()).toContain('就业帮扶');
    clerkApi = await ApiSession.login('clerk');
    second = await clerkApi.get(`/api/cases/${second.id}`);
    await step(clerkApi, { type: 'measure_added', measureId: crypto.randomUUID(), category: 'social_assistance', owner: '县民政局', plannedDate: plusDays(serverToday(offset), 30) });

    // Seven months on: both households now earn well above the line, two quarters running.
    advance(206);
    clerkApi = await ApiSession.login('clerk');
    for (const h of [poor, noLabour]) {
      const q4 = await clerkApi.post('/api/income-records', { householdId: h.id, year: h.year, quarter: 4, items: { wageOther: '12000' } });
      const q1 = await clerkApi.post('/api/income-records', { householdId: h.id, year: h.year + 1, quarter: 1, items: { wageOther: '3000' } });
      expect([q4.status, q1.status]).toEqual(['valid', 'valid']);
    }

    // No labour: the elimination is refused, and the clerk reads why.
    clerk = await signIn('clerk', clerk);
    await clerk.goto(`/cases/${second.id}`);
    await clerk.getByTestId('case-elimination-problems').waitFor();
    expect(await clerk.getByTestId('case-elimination-problems').innerText()).toContain('家庭无劳动能力成员（0 人），不标注风险消除');
    await clerk.getByTestId('case-step-elimination_proposed').click();
    await clerk.getByTestId('case-step-form').waitFor();
    await clerk.getByTestId('case-form-way').getByText('自然消除').click();
    await clerk.getByTestId('case-step-submit').click();
    await expect.poll(() => clerk.getByTestId('case-refusal').innerText(), { timeout: 60_000 }).toContain('家庭无劳动能力成员（0 人），不标注风险消除，应纳入兜底保障并继续监测');
    await screenshot(clerk, 'case-elimination-refused');
    await clerk.getByTestId('case-step-cancel').click();
    expect(await clerk.getByTestId('case-header').getAttribute('data-status')).toBe('monitored');

    // The first household: elimination proposed, noticed, reviewed and approved.
    await clerk.goto(caseUrl);
    await expect.poll(async () => (await clerk.getByTestId('case-header').getAttribute('data-status')) ?? '').toBe('monitored');
    await takeStep(clerk, 'elimination_proposed', 'elimination_proposed');
    await takeStep(clerk, 'elimination_notice_started', 'elimination_in_notice');
    // Dated by the server's calendar (here seven months on), not the browser's.
    expect(await clerk.getByTestId('case-notice').innerText()).toContain(serverToday(offset));
    advance(6);
    clerk = await signIn('clerk', clerk);
    await clerk.goto(caseUrl);
    await takeStep(clerk, 'elimination_notice_finished', 'elimination_township_review');
    reviewer = await signIn('reviewer', reviewer);
    await reviewer.goto(caseUrl);
    await takeStep(reviewer, 'elimination_township_reviewed', 'elimination_county_approval');
    county = await signIn('county', county);
    await county.goto(caseUrl);
    await takeStep(county, 'elimination_county_approved', 'eliminated');
    await expect.poll(() => county.getByTestId('case-events').innerText()).toContain('县级审定风险消除');
    await screenshot(county, 'case-eliminated');

    // The household page tells the whole story in order, newest first.
    await county.getByTestId('case-household-link').click();
    const timeline = county.getByTestId('household-timeline');
    await timeline.waitFor();
    await expect.poll(() => timeline.innerText()).toContain('县级审定风险消除');
    await county.getByTestId('household-timeline-more').click();
    const text = await timeline.innerText();
    // Twelve case steps from lead to elimination, the warning, and the three quarters of income entered.
    expect(await timeline.locator('[data-kind="case_event"]').count()).toBe(12);
    expect(await timeline.locator('[data-kind="warning_opened"]').count()).toBeGreaterThanOrEqual(1);
    expect(await timeline.locator('[data-kind="income_recorded"]').count()).toBe(3);
    expect(text.indexOf('县级审定风险消除')).toBeLessThan(text.indexOf('登记线索'));
    expect(text).toMatch(/预警/);
    await screenshot(county, 'case-household-timeline');
  });
});
