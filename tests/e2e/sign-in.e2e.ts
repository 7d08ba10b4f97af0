import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
