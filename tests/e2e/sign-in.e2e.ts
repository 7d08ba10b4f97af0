import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { businesses, flaggedEvents } from '../../db/central/schema';
import { uuidv7 } from '../../shared/ids';
import { lockChangeSequence, nextServerSeq } from '../../sync-server/sync/change-sequence';
import { HomePage } from './pages/home-page';
import { SignInPage } from './pages/sign-in-page';
import { launchChromium } from './support/browser';
import { startStack, type Stack } from './support/stack';

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(stack.tillUrl);
});

describe('signing in at the till', () => {
  it('shows the enrolled division, signs the demo cashier in and reaches the home screen', async () => {
    const signIn = new SignInPage(page);
    await signIn.waitUntilShown();
    expect(await signIn.division()).toContain('Clothing');
    await signIn.signInWithKeypad('clo.cashier', '1111');

    const home = new HomePage(page);
    await home.waitUntilShown();
    expect(await home.division()).toContain('Clothing');
    expect(await home.division()).toContain('CLO');
    expect(await home.staffRole()).toContain('Cashier');
    await page.screenshot({ path: 'test-results/home.png' });

    await home.signOut();
    await signIn.waitUntilShown();
  });

  it('refuses a wrong PIN without saying which part was wrong', async () => {
    const signIn = new SignInPage(page);
    await signIn.waitUntilShown();
    await signIn.signInWithKeyboard('clo.cashier', '0000');
    await page.getByTestId('signin-error').waitFor();
    expect(await signIn.error()).toContain('Wrong username or PIN');
    await page.screenshot({ path: 'test-results/sign-in-error.png' });
  });

  it('shows head office’s flags for a supervisor in the status bar, and lists them', async () => {
    await stack.central.transaction(async (tx) => {
      await lockChangeSequence(tx);
      const [division] = await tx.select().from(businesses).where(eq(businesses.code, 'CLO'));
      await tx.insert(flaggedEvents).values({
        id: uuidv7(),
        kind: 'LAYBY_OVERPAID',
        businessId: division!.id,
        entityType: 'customer_layby',
        entityId: uuidv7(),
        message: 'LAY-CLO-000123 was paid US$82.00 more than its balance; kept as account credit.',
        serverSeq: nextServerSeq(),
      });
    });
    const signIn = new SignInPage(page);
    await signIn.waitUntilShown();
    await signIn.signInWithKeyboard('clo.supervisor', '2222');
    await new HomePage(page).waitUntilShown();
    // The till's long-poll brings the flag; the status bar counts it.
    const flags = page.getByTestId('status-open-flags');
    await flags.waitFor({ timeout: 15_000 });
    expect(await flags.innerText()).toContain('1 flag for a supervisor');
    await flags.click();
    const listed = page.getByTestId('open-flag');
    expect(await listed.count()).toBe(1);
    expect(await listed.innerText()).toContain('Layby overpaid');
    expect(await listed.innerText()).toContain('LAY-CLO-000123 was paid US$82.00');
    await page.screenshot({ path: 'test-results/open-flags.png' });
    await page.keyboard.press('Escape');
    await page.getByTestId('open-flags-dialog').waitFor({ state: 'detached' });
    await new HomePage(page).signOut();
    await signIn.waitUntilShown();
  });

  it('keeps signing cashiers in while the server is down', async () => {
    await stack.stopServer();
    const signIn = new SignInPage(page);
    await signIn.waitUntilShown();
    await signIn.signInWithKeyboard('clo.supervisor', '2222');
    const home = new HomePage(page);
    await home.waitUntilShown();
    expect(await home.staffRole()).toContain('Supervisor');
  });
});
