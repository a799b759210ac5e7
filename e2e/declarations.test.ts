import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeIdNumber } from '@zengshou/core';
import { launchBrowser, login, newPage, screenshot } from './support/browser.ts';
import { ApiSession } from './support/api.ts';

/**
 * 农户自主申报 on a 360-px phone: a villager scans the village's QR code, fills the form without signing in,
 * acknowledges the personal-information notice and gets a receipt code; the status page shows only the stage; the
 * village clerk then finds the lead in 案件办理 (待我办理, source 农户自主申报) with its 2-working-day home-check date.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 360, height: 740 };

async function noHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

describe('self-declaration journey in Chromium', () => {
  it('a villager declares on a phone without signing in, checks the stage, and the clerk sees the lead', { timeout: 300_000 }, async () => {
    const stamp = Date.now().toString(36).toUpperCase();
    const clerkApi = await ApiSession.login('clerk');
    const village = clerkApi.user!.regionCode;
    const h = await clerkApi.post('/api/households', { householdNo: `E2E-DECL-${stamp}`, villageCode: village, address: '第二村民小组', householdType: 'poverty_exit', assistanceStatus: 'none' });
    const person = makeIdNumber('533423', '19790612', String(100 + Math.floor(Math.random() * 800)).padStart(3, '0'));
    await clerkApi.post('/api/members', {
      householdId: h.household.id, name: '和秀英', idNumber: person, relation: 'head', labourCapacity: 'normal', health: 'serious', schooling: 'primary', schoolingStatus: 'not_applicable', employmentStatus: 'farming',
    });

    // The villager's phone: no session at all.
    const phone = await newPage(browser, PHONE);
    await phone.goto(`/declare?village=${village}`);
    await phone.getByTestId('declare-form').waitFor();
    await expect.poll(() => phone.getByTestId('declare-village').getAttribute('data-village-code')).toBe(village);
    await noHorizontalScroll(phone);
    await phone.getByTestId('declare-name').fill('和秀英');
    await phone.getByTestId('declare-phone').fill('13987650123');
    await phone.getByTestId('declare-id-number').fill(person);
    await phone.getByTestId('declare-difficulty-illness').click();
    await phone.getByTestId('declare-difficulty-unstable_employment').click();
    await phone.getByTestId('declare-description').fill('今年三月住院做手术，花了三万多，丈夫在家照顾没法外出务工。');
    // Without the acknowledgement the form refuses, in Chinese.
    await phone.getByTestId('declare-submit').click();
    await phone.getByText('请阅读并同意个人信息使用说明').waitFor();
    await screenshot(phone, 'declare-360-form');
    await phone.getByTestId('declare-consent').click();
    await phone.getByTestId('declare-submit').click();
    const receipt = phone.getByTestId('declare-receipt-code');
    await receipt.waitFor();
    const code = (await receipt.getAttribute('data-code'))!;
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    expect(await receipt.textContent()).toBe(`${code.slice(0, 5)}-${code.slice(5)}`);
    await noHorizontalScroll(phone);
    await screenshot(phone, 'declare-360-receipt');

    // The status page: only the stage and the date, nothing about the person.
    await phone.getByTestId('declare-to-status').click();
    await phone.getByTestId('declare-status-page').waitFor();
    await phone.getByTestId('declare-status-last4').fill(person.slice(-4));
    await phone.getByTestId('declare-status-submit').click();
    const stage = phone.getByTestId('declare-status-stage');
    await stage.waitFor();
    expect(await stage.textContent()).toBe('入户核实中');
    const result = (await phone.getByTestId('declare-status-result').textContent())!;
    expect(result).not.toContain('和秀英');
    expect(result).not.toContain(person.slice(0, 6));
    await noHorizontalScroll(phone);
    await screenshot(phone, 'declare-360-status');
    // A wrong last 4 answers the one generic message.
    await phone.getByTestId('declare-status-last4').fill(person.slice(-4) === '0000' ? '1111' : '0000');
    await phone.getByTestId('declare-status-submit').click();
    await phone.getByText('没有查到这条申报，请核对受理编号和身份证号后 4 位').waitFor();
    await phone.context().close();

    // The village clerk, at a desk: the lead is in 待我办理 with source 农户自主申报 and its home-check date.
    const listed = await clerkApi.get<{ items: { receiptCode: string; case: { caseNo: string } | null; homeCheckDue: { date: string } | null }[] }>('/api/declarations?pageSize=200');
    const item = listed.items.find((i) => i.receiptCode === code)!;
    expect(item.case).not.toBeNull();
    const desk = await newPage(browser);
    await login(desk, 'clerk');
    await desk.getByTestId('menu-cases').click();
    await desk.getByTestId('case-tab-mine').click();
    const row = desk.getByTestId(`case-row-${item.case!.caseNo}`);
    await row.waitFor({ timeout: 60_000 });
    expect(await row.getAttribute('data-status')).toBe('lead');
    const text = (await row.textContent())!;
    expect(text).toContain('农户自主申报');
    expect(text).toContain(item.homeCheckDue!.date);
    await screenshot(desk, 'declare-clerk-queue');

    // …and on the 自主申报 page, masked, with the QR code to print for the village.
    await desk.getByTestId('menu-declarations').click();
    const drow = desk.getByTestId(`declaration-row-${code}`);
    await drow.waitFor();
    const dtext = (await drow.textContent())!;
    expect(dtext).toContain(`${person.slice(0, 6)}********${person.slice(-4)}`);
    expect(dtext).not.toContain(person);
    expect(dtext).toContain('139****0123');
    await desk.getByTestId('declarations-print-qr').click();
    const img = desk.getByTestId('declaration-qr-image');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await screenshot(desk, 'declare-clerk-qr');
    await desk.context().close();
  });
});
