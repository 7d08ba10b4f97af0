import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerFormPage } from './pages/customer-form-page';
import { CustomerLookupPage } from './pages/customer-lookup-page';
import { CustomerProfilePage } from './pages/customer-profile-page';
import { HomePage } from './pages/home-page';
import { SignInPage } from './pages/sign-in-page';
import { launchChromium } from './support/browser';
import { startStack, type Stack } from './support/stack';

let stack: Stack;
let browser: Browser;
let page: Page;
const shot = (name: string) =>
  page.screenshot({ path: `test-results/customers-${name}.png`, fullPage: true });

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(stack.tillUrl);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signInAs(username: string, pin: string): Promise<void> {
  const signIn = new SignInPage(page);
  await signIn.waitUntilShown();
  await signIn.signInWithKeyboard(username, pin);
  await new HomePage(page).waitUntilShown();
}

// One story, in order: a cashier registers a customer, is stopped from registering them
// twice, and a supervisor's alert greets the next cashier who opens the profile.
describe('customers at the till', () => {
  const lookup = () => new CustomerLookupPage(page);
  const form = () => new CustomerFormPage(page);
  const profile = () => new CustomerProfilePage(page);

  it('registers a new customer from an unmatched search', async () => {
    await signInAs('clo.cashier', '1111');
    await lookup().openFromHome();
    await shot('lookup-empty');
    await lookup().search('rudo chari');
    expect(await lookup().noMatchMessage()).toContain('No customer matches ‘rudo chari’');
    await shot('lookup-no-match');
    await lookup().registerNew();
    expect(await form().value('firstName')).toBe('Rudo');
    expect(await form().value('lastName')).toBe('Chari');
    await form().fill({ primaryPhone: '0773' });
    await form().save();
    expect(await form().fieldError('primaryPhone')).toContain('Phone must be a Zimbabwe number');
    await shot('form-error');
    await form().fill({
      primaryPhone: '0773 555 111',
      nationalId: '63 555111 k 42',
      city: 'Harare',
    });
    await form().save();
    await profile().waitUntilShown('Rudo Chari');
    expect(await profile().customerNumber()).toMatch(/^UCST-\d{6}$/);
    expect(await profile().accountNumber()).toMatch(/^CLO-CUST-\d{6}$/);
    await shot('profile-new');
  });

  it('warns about a duplicate phone while registering, before anything is saved', async () => {
    await profile().back();
    await lookup().waitUntilShown();
    await lookup().search('Rudo Charis');
    await lookup().registerNew();
    await form().fill({ primaryPhone: '+263 773 555 111' });
    expect(await form().duplicateWarning()).toContain('Rudo Chari');
    expect(await form().duplicateWarning()).toContain('same phone number');
    await shot('form-duplicate');
    await form().useDuplicate();
    await profile().waitUntilShown('Rudo Chari');
    await profile().back();
    await lookup().search('0773555111');
    expect(await lookup().waitForHits(1)).toEqual(['Rudo Chari']);
    await shot('lookup-hits');
  });

  it("shows a supervisor's alert note as soon as the profile opens", async () => {
    await lookup().openSelected();
    await profile().waitUntilShown('Rudo Chari');
    await page.getByTestId('note-add').click();
    expect(await profile().canRaiseAlerts()).toBe(false);
    await profile().cancelNote();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await new HomePage(page).signOut();

    await signInAs('clo.supervisor', '2222');
    await lookup().openFromHome();
    await lookup().search('chari rud');
    await lookup().waitForHits(1);
    await lookup().openSelected();
    await profile().waitUntilShown('Rudo Chari');
    await profile().addNote('Ask for ID before any layby: signature disputed in March', {
      alert: true,
    });
    await page.getByTestId('customer-actions').scrollIntoViewIfNeeded();
    await shot('profile-supervisor');
    await profile().blacklist('Two laybys abandoned in 2025');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await new HomePage(page).signOut();

    await signInAs('clo.cashier', '1111');
    await lookup().openFromHome();
    await lookup().search('0773 555 111');
    await lookup().waitForHits(1);
    await lookup().openSelected();
    await profile().waitUntilShown('Rudo Chari');
    expect(await profile().alerts()).toContain('Ask for ID before any layby');
    expect(await profile().alerts()).toContain('BLACKLISTED');
    expect(await profile().alerts()).toContain('Two laybys abandoned in 2025');
    await shot('profile-alert');
    await page.getByTestId('customer-audit').scrollIntoViewIfNeeded();
    await shot('profile-audit');
  });
});
