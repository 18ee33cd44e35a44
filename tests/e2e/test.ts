/**
 * The end-to-end `test`: Playwright's, plus checks after every test that
 * - no screen asked i18next for a key it had no message for (the app logs "Missing translation: …"):
 *   that is how a screen showing a raw key, or a message group its route forgot to load, fails a test;
 * - no page broke the Content-Security-Policy of index.html: every page (the projector window too)
 *   reports each `securitypolicyviolation` event as a console message, and Chromium's own console
 *   messages about the policy (a refusal, a directive it does not know or ignores) count as well.
 *   So every journey also proves that what it walks through works under the policy.
 */
import { test as base, expect } from '@playwright/test';

/** The console message a page logs for each violation of its policy (see `reportCspViolations`). */
export const cspViolationMarker = '[csp-violation]';

/** Runs in every page before its own scripts: logs each violation of its policy to the console. */
export function reportCspViolations(marker: string): void {
  window.addEventListener(
    'securitypolicyviolation',
    (event) => {
      const { effectiveDirective, blockedURI, sourceFile, lineNumber } = event;
      console.error(`${marker} ${effectiveDirective} blocked ${blockedURI} at ${sourceFile}:${lineNumber}`);
    },
    true,
  );
}

/** Console text of a CSP violation or a mistake in the policy, whether the page's or Chromium's. */
export function isCspMessage(text: string): boolean {
  return text.startsWith(cspViolationMarker) || /Content[ -]Security[ -]Policy/i.test(text);
}

export const test = base.extend({
  context: async ({ context }, use) => {
    const missing: string[] = [];
    const csp: string[] = [];
    await context.addInitScript(reportCspViolations, cspViolationMarker);
    context.on('console', (message) => {
      const text = message.text();
      if (text.startsWith('Missing translation:')) missing.push(text);
      if (isCspMessage(text)) csp.push(`${message.page()?.url() ?? ''}: ${text}`);
    });
    await use(context);
    expect(missing, 'messages missing while the test ran').toEqual([]);
    expect(csp, 'Content-Security-Policy violations while the test ran').toEqual([]);
  },
});

export { expect };
