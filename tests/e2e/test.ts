/**
 * The end-to-end `test`: Playwright's, plus a check after every test that no screen asked
 * i18next for a key it had no message for (the app logs "Missing translation: …"). That is
 * how a screen showing a raw key, or a message group its route forgot to load, fails a test.
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  context: async ({ context }, use) => {
    const missing: string[] = [];
    context.on('console', (message) => {
      if (message.text().startsWith('Missing translation:')) missing.push(message.text());
    });
    await use(context);
    expect(missing, 'messages missing while the test ran').toEqual([]);
  },
});

export { expect };
