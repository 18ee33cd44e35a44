/**
 * Sync with a province's server (issue 19): a real pouchdb-server on loopback, set up by the
 * kit's own script (`server/couchdb/setup.mjs`), and browser contexts as separate devices —
 * two communes, a second laptop of one of them, and the province that only reads.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { setupProvince } from '../../server/couchdb/setup.mjs';
import { syncedSessions } from '../fixtures/sync/syncedSessions.mjs';
import { startPouchdbServer } from '../server/pouchdbServer.mjs';
import { expectNoAxeViolations, waitForOfflineReady } from './helpers';
import { expect, test } from './test';

const province = '10000000-0000-4000-8000-000000000001';
const district = '10000000-0000-4000-8000-000000000002';
const communeA = '10000000-0000-4000-8000-00000000000a';
const communeB = '10000000-0000-4000-8000-00000000000b';

let server: Awaited<ReturnType<typeof startPouchdbServer>>;
test.beforeAll(async () => {
  server = await startPouchdbServer();
});
test.afterAll(() => server?.stop());

/** A province database of its own for each test, and the accounts' passwords by login. */
async function provinceDatabase(name: string): Promise<Map<string, string>> {
  const accounts = await setupProvince({
    url: server.url,
    db: name,
    admin: server.admin,
    units: [
      { id: province, name: 'Tỉnh Hưng Yên', kind: 'agency', login: `${name}-tinh`, access: 'read' },
      { id: district, name: 'Huyện Văn Lâm', kind: 'agency', parentId: province },
      {
        id: communeA,
        name: 'Xã Lạc Hồng',
        kind: 'commune',
        parentId: district,
        login: `${name}-xa-a`,
        access: 'write',
      },
      {
        id: communeB,
        name: 'Xã Trưng Trắc',
        kind: 'commune',
        parentId: district,
        login: `${name}-xa-b`,
        access: 'write',
      },
    ],
  });
  return new Map(accounts.map((a) => [a.login, a.password]));
}

const adminHeaders = () => ({
  authorization: `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`,
  'content-type': 'application/json',
});

async function device(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/#/settings');
  await waitForOfflineReady(page);
  return page;
}

async function turnOnSync(page: Page, database: string, login: string, password: string): Promise<void> {
  await page.goto('/#/settings');
  await page.getByLabel('Địa chỉ máy chủ').fill(server.url);
  await page.getByLabel('Tên cơ sở dữ liệu').fill(database);
  await page.getByLabel('Tên đăng nhập của đơn vị').fill(login);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Bật đồng bộ' }).click();
  await expect(page.getByText(/^Đồng bộ xong lúc/)).toBeVisible({ timeout: 60_000 });
}

/** Settings → "Đồng bộ ngay", then waits for that sync to finish. */
async function syncNow(page: Page): Promise<void> {
  await page.goto('/#/settings');
  const button = page.getByRole('button', { name: 'Đồng bộ ngay' });
  await expect(button).toBeEnabled();
  await button.click();
  await expect(button).toBeEnabled({ timeout: 60_000 });
}

async function recordSession(page: Page, unit: string, parent: string, participants: number): Promise<void> {
  await page.goto('/#/sessions');
  await page.getByRole('button', { name: 'Ghi nhận buổi sinh hoạt không theo kế hoạch' }).click();
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
  await page.getByLabel('Ngày tổ chức *').fill(today);
  await page.getByLabel('Đơn vị *').fill(unit);
  const parentField = page.getByLabel(/^Thuộc \(/);
  if (parent) await parentField.fill(parent);
  else await expect(parentField).toHaveCount(0);
  await page.getByLabel('Đối tượng *').selectOption({ label: 'Công nhân, người lao động' });
  await page.getByLabel('Số người tham gia *').fill(String(participants));
  await page.getByLabel('Thời lượng (phút) *').fill('45');
  await page.getByRole('button', { name: 'Lưu buổi sinh hoạt' }).click();
  await expect(page.getByText(`${participants} người tham gia`)).toBeVisible();
}

async function editParticipants(page: Page, unit: string, participants: number): Promise<void> {
  await page.goto('/#/sessions');
  await page.getByRole('link', { name: new RegExp(unit) }).click();
  await page.getByRole('button', { name: 'Sửa' }).click();
  await page.getByLabel('Số người tham gia *').fill(String(participants));
  await page.getByRole('button', { name: 'Lưu buổi sinh hoạt' }).click();
  await expect(page.getByText(`${participants} người tham gia`)).toBeVisible();
}

async function figures(page: Page): Promise<{ sessions: string; participants: string }> {
  await page.goto('/#/statistics');
  const figure = (key: string) => page.locator(`[data-figure="${key}"] strong`);
  await expect(figure('sessions')).toBeVisible();
  return {
    sessions: (await figure('sessions').textContent()) ?? '',
    participants: (await figure('participants').textContent()) ?? '',
  };
}

test('Two communes and the province sync through the server: work from before sync is brought in, offline edits wait, the later edit wins on both laptops, a forged write is refused, the province sees it all without a file, and its reporting round reaches its second laptop', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const database = 'chung-tay-e2e';
  const passwords = await provinceDatabase(database);
  const login = (who: string) => `${database}-${who}`;
  const contexts = await Promise.all([1, 2, 3, 4].map(() => browser.newContext()));
  const [a, a2, b] = contexts as [BrowserContext, BrowserContext, BrowserContext, BrowserContext];
  const [pageA, pageA2, pageB, pageP] = (await Promise.all(contexts.map(device))) as [Page, Page, Page, Page];

  // Each device signs in with the account the province gave; the form checks what is typed.
  await pageA.getByRole('button', { name: 'Bật đồng bộ' }).click();
  await expect(pageA.getByText('Hãy nhập tên cơ sở dữ liệu.')).toBeVisible();
  await pageA.getByLabel('Địa chỉ máy chủ').fill('http://dongbo.example.vn');
  await pageA.getByLabel('Tên cơ sở dữ liệu').fill(database);
  await pageA.getByLabel('Tên đăng nhập của đơn vị').fill(login('xa-a'));
  await pageA.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau');
  await pageA.getByRole('button', { name: 'Bật đồng bộ' }).click();
  await expect(pageA.getByText(/Địa chỉ phải bắt đầu bằng https:\/\//)).toBeVisible();
  await pageA.getByLabel('Địa chỉ máy chủ').fill(server.url);
  await pageA.getByRole('button', { name: 'Bật đồng bộ' }).click();
  await expect(pageA.getByText(/Tên đăng nhập hoặc mật khẩu không đúng/)).toBeVisible();
  await expectNoAxeViolations(pageA);
  await turnOnSync(pageA, database, login('xa-a'), passwords.get(login('xa-a'))!);
  await expect(pageA.getByText('gửi số liệu của đơn vị', { exact: false })).toBeVisible();
  await expectNoAxeViolations(pageA);
  await turnOnSync(pageA2, database, login('xa-a'), passwords.get(login('xa-a'))!);
  // Commune B had recorded a session before sync, under a "Xã Trưng Trắc" of its own making:
  // Settings offers to merge it into the account's unit, and then it goes up.
  await recordSession(pageB, 'Công ty CP Giày Hòa Bình', 'Xã Trưng Trắc', 30);
  await turnOnSync(pageB, database, login('xa-b'), passwords.get(login('xa-b'))!);
  await expect(pageB.getByText(/^1 đơn vị ghi trên máy này từ trước chưa thuộc Xã Trưng Trắc/)).toContainText(
    ': Xã Trưng Trắc.',
  );
  await expectNoAxeViolations(pageB);
  await pageB.getByRole('button', { name: 'Xếp vào Xã Trưng Trắc và gửi lên' }).click();
  await expect(pageB.getByRole('button', { name: 'Xếp vào Xã Trưng Trắc và gửi lên' })).toHaveCount(0);
  await expect(pageB.getByText('0 bản ghi đang chờ gửi lên.')).toBeVisible();
  await turnOnSync(pageP, database, login('tinh'), passwords.get(login('tinh'))!);
  await expect(pageP.getByText('chỉ xem số liệu các đơn vị', { exact: false })).toBeVisible();

  // Commune A records a session at a factory under it; it goes up.
  await recordSession(pageA, 'Công ty TNHH May Minh Anh', 'Xã Lạc Hồng', 40);
  await syncNow(pageA);
  await expect(pageA.getByText('0 bản ghi đang chờ gửi lên.')).toBeVisible();

  // Commune B records one with the network off: it waits, and says so.
  await b.setOffline(true);
  await recordSession(pageB, 'Xã Trưng Trắc', '', 25);
  await syncNow(pageB);
  await expect(pageB.getByText(/^Máy đang mất mạng/)).toBeVisible();
  await expect(pageB.getByText('1 bản ghi đang chờ gửi lên.')).toBeVisible();

  await syncNow(pageP);
  expect(await figures(pageP)).toEqual({ sessions: '2', participants: '70' });

  // Back online, B's record goes up by itself.
  await b.setOffline(false);
  await pageB.goto('/#/settings');
  await expect(pageB.getByText('0 bản ghi đang chờ gửi lên.')).toBeVisible({ timeout: 60_000 });
  await syncNow(pageP);
  expect(await figures(pageP)).toEqual({ sessions: '3', participants: '95' });

  // The same session edited on both of commune A's laptops while offline: the later edit wins on both.
  await syncNow(pageA2);
  await a.setOffline(true);
  await a2.setOffline(true);
  await editParticipants(pageA, 'Công ty TNHH May Minh Anh', 42);
  await editParticipants(pageA2, 'Công ty TNHH May Minh Anh', 45);
  await a.setOffline(false);
  await syncNow(pageA);
  await a2.setOffline(false);
  await syncNow(pageA2);
  await syncNow(pageA);
  for (const page of [pageA, pageA2]) {
    await page.goto('/#/sessions');
    await expect(page.getByText('1 buổi · 45 người tham gia · 0 nữ')).toBeVisible();
  }
  // The losing edit is kept on the server, as a conflicting revision.
  const docs = await (
    await fetch(`${server.url}/${database}/_all_docs?include_docs=true&conflicts=true`, {
      headers: adminHeaders(),
    })
  ).json();
  // Which revision CouchDB picks as its winner depends on revision ids; every device shows the later edit.
  const conflicted = docs.rows.filter((row: { doc: { _conflicts?: string[] } }) => row.doc._conflicts);
  expect(conflicted).toHaveLength(1);
  const edited = conflicted[0].doc;
  expect(edited._conflicts).toHaveLength(1);
  const loser = await (
    await fetch(`${server.url}/${database}/${edited._id}?rev=${edited._conflicts[0]}`, {
      headers: adminHeaders(),
    })
  ).json();
  expect([edited.record.participants, loser.record.participants].sort()).toEqual([42, 45]);
  await syncNow(pageP);
  expect(await figures(pageP)).toEqual({ sessions: '3', participants: '100' });

  // A tampered device of commune B claims commune A's factory and records there: the server
  // refuses the factory, and the province does not count the record.
  const factory = docs.rows.find(
    (row: { doc: { record?: { name?: string } } }) => row.doc.record?.name === 'Công ty TNHH May Minh Anh',
  ).doc.record;
  await pageB.evaluate(
    async ({ factory, communeB }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('chung-tay');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const now = new Date().toISOString();
      const tx = db.transaction(['units', 'ledger'], 'readwrite');
      tx.objectStore('units').put({ ...factory, name: 'Xưởng của xã B', parentId: communeB, updatedAt: now });
      tx.objectStore('ledger').put({
        id: crypto.randomUUID(),
        kind: 'session',
        unitId: factory.id,
        date: now.slice(0, 10),
        audience: 'workers',
        participants: 500,
        durationMinutes: 45,
        topics: [],
        materials: [],
        createdAt: now,
        updatedAt: now,
      });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    },
    { factory, communeB },
  );
  // Each says so, and still says so after a later, quiet sync (the one every 30 seconds may
  // come first): the refused record is not sent again, nor the ignored one pulled again.
  for (const page of [pageB, pageP]) {
    await syncNow(page);
    await syncNow(page);
  }
  await expect(pageB.getByText(/^Máy chủ từ chối 1 bản ghi/)).toBeVisible();
  await expect(pageP.getByText(/^1 bản ghi từ máy chủ không đúng định dạng hoặc quy tắc/)).toBeVisible();
  expect(await figures(pageP)).toEqual({ sessions: '3', participants: '100' });

  // A reporting round at the province counts the communes whose records arrived by sync as sent.
  const today = await pageP.evaluate(() => new Date().toLocaleDateString('sv'));
  const year = today.slice(0, 4);
  await pageP.goto('/#/rollups');
  await pageP.getByLabel('Tên kỳ báo cáo *').fill(`Báo cáo năm ${year}`);
  await pageP.getByLabel('Từ ngày *').fill(`${year}-01-01`);
  await pageP.getByLabel('Đến ngày *').fill(`${year}-12-31`);
  await pageP.getByLabel('Hạn gửi *').fill(`${year}-12-31`);
  await pageP
    .getByLabel('Các đơn vị phải gửi (mỗi dòng một tên)')
    .fill('Xã Lạc Hồng\nXã Trưng Trắc\nXã Đình Dù');
  // On a device that syncs, the round is received by the account's unit, offered in the form.
  await expect(pageP.getByLabel('Đơn vị tổng hợp (đơn vị của bạn)')).toHaveValue('Tỉnh Hưng Yên');
  await expect(pageP.getByText(/^Máy này đồng bộ với máy chủ của tỉnh: kỳ báo cáo/)).toContainText(
    'Tài khoản này chỉ xem',
  );
  await pageP.getByRole('button', { name: 'Tạo kỳ báo cáo' }).click();
  const status = '2 đơn vị gửi đúng hạn, 0 gửi muộn, 1 chưa gửi (trong 3 đơn vị phải gửi).';
  await expect(pageP.getByText(status)).toBeVisible();
  await expect(pageP.getByRole('row', { name: /Xã Lạc Hồng/ })).toContainText('qua đồng bộ');
  await expect(pageP.getByRole('row', { name: /Xã Đình Dù/ })).toContainText('Chưa gửi');

  // The province's second laptop, signed in with the same account, gets the round by sync
  // with the same status; no commune gets it.
  const p2 = await browser.newContext();
  const pageP2 = await device(p2);
  await syncNow(pageP);
  await turnOnSync(pageP2, database, login('tinh'), passwords.get(login('tinh'))!);
  await pageP2.goto('/#/rollups');
  await pageP2.getByRole('link', { name: `Báo cáo năm ${year}` }).click();
  await expect(pageP2.getByText(status)).toBeVisible();
  await expect(pageP2.getByRole('row', { name: /Xã Lạc Hồng/ })).toContainText('qua đồng bộ');
  await p2.close();
  await syncNow(pageB);
  await pageB.goto('/#/rollups');
  await expect(pageB.getByText('Chưa có kỳ báo cáo nào. Tạo kỳ đầu tiên ở bên dưới.')).toBeVisible();

  // Pausing keeps the connection; turning off forgets it and keeps every record.
  await pageA.goto('/#/settings');
  await pageA.getByRole('button', { name: 'Tạm dừng' }).click();
  await expect(pageA.getByText(/^Đồng bộ đang tạm dừng/)).toBeVisible();
  await pageA.getByRole('button', { name: 'Tiếp tục đồng bộ' }).click();
  await expect(pageA.getByRole('button', { name: 'Đồng bộ ngay' })).toBeVisible();
  await pageA.getByRole('button', { name: 'Tắt đồng bộ' }).click();
  await pageA.getByRole('button', { name: 'Tắt đồng bộ, giữ mọi bản ghi' }).click();
  await expect(pageA.getByRole('button', { name: 'Bật đồng bộ' })).toBeVisible();
  expect(await figures(pageA)).toEqual({ sessions: '1', participants: '45' });

  // The password is in no backup.
  await pageP.goto('/#/settings');
  const download = pageP.waitForEvent('download');
  await pageP.getByRole('button', { name: /Tải bản sao lưu/ }).click();
  const backup = await (await download).path();
  const text = readFileSync(backup, 'utf8');
  expect(text).not.toContain(passwords.get(login('tinh')));
  expect(text).not.toContain('syncConnection');

  await Promise.all(contexts.map((context) => context.close()));
});

test('The province gives a unit a new password: the laptop says the old one no longer works, takes the new one in Settings, and what waited goes up with nothing sent twice', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const database = 'chung-tay-e2e-password';
  const passwords = await provinceDatabase(database);
  const login = `${database}-xa-a`;
  const context = await browser.newContext();
  const page = await device(context);
  await turnOnSync(page, database, login, passwords.get(login)!);
  await recordSession(page, 'Công ty TNHH May Minh Anh', 'Xã Lạc Hồng', 40);
  await syncNow(page);
  await expect(page.getByText('0 bản ghi đang chờ gửi lên.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Đổi mật khẩu' })).toBeVisible();

  // The province's IT sets a new password for the account.
  const user = `${server.url}/_users/${encodeURIComponent(`org.couchdb.user:${login}`)}`;
  const account = await (await fetch(user, { headers: adminHeaders() })).json();
  const fresh = 'mật-khẩu-mới-2027';
  const changed = await fetch(user, {
    method: 'PUT',
    headers: adminHeaders(),
    body: JSON.stringify({ ...account, password: fresh }),
  });
  expect(changed.ok).toBe(true);

  // The next record waits; the sync says the password is wrong and asks for the new one.
  await recordSession(page, 'Xã Lạc Hồng', '', 25);
  await syncNow(page);
  await expect(page.getByText(/^Tên đăng nhập hoặc mật khẩu không đúng/)).toBeVisible();
  await expect(page.getByText('1 bản ghi đang chờ gửi lên.')).toBeVisible();
  const field = page.getByLabel('Mật khẩu mới');
  await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  await expect(page.getByText('Hãy nhập mật khẩu.')).toBeVisible();
  await expect(field).toBeFocused();
  await expectNoAxeViolations(page);
  await field.fill('vẫn-sai');
  await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  await expect(page.getByText(/^Tên đăng nhập hoặc mật khẩu không đúng/)).toBeVisible();
  await expect(field).toBeVisible();
  await field.fill(fresh);
  await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  await expect(field).toHaveCount(0);
  await expect(page.getByText('0 bản ghi đang chờ gửi lên.')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/^Tên đăng nhập hoặc mật khẩu không đúng/)).toHaveCount(0);
  await expect(page.getByText(/^Đồng bộ xong lúc/)).toBeVisible();

  // The server holds the two sessions, each once, with no rival revisions: the copy was kept.
  const docs = await (
    await fetch(`${server.url}/${database}/_all_docs?include_docs=true&conflicts=true`, {
      headers: adminHeaders(),
    })
  ).json();
  const sessions = docs.rows.filter((row: { id: string }) => row.id.startsWith('ledger:'));
  expect(
    sessions.map((row: { doc: { record: { participants: number } } }) => row.doc.record.participants).sort(),
  ).toEqual([25, 40]);
  expect(docs.rows.filter((row: { doc: { _conflicts?: string[] } }) => row.doc._conflicts)).toHaveLength(0);
  for (const row of sessions) expect(row.doc._rev).toMatch(/^1-/);

  // The new password is kept on this device only: a reload syncs with it.
  await page.reload();
  await syncNow(page);
  await expect(page.getByText(/^Đồng bộ xong lúc/)).toBeVisible();
  await expect(page.getByText(/^Tên đăng nhập hoặc mật khẩu không đúng/)).toHaveCount(0);
  await context.close();
});

test("A province's first sync brings 10,000 records from its units into its statistics", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const database = 'chung-tay-e2e-large';
  const passwords = await provinceDatabase(database);
  const today = new Date().toLocaleDateString('sv', { timeZone: 'Asia/Ho_Chi_Minh' });
  const docs = syncedSessions({
    count: 10_000,
    date: today,
    units: [
      { scope: [province, district, communeA], writer: `${database}-xa-a` },
      { scope: [province, district, communeB], writer: `${database}-xa-b` },
    ],
  });
  const stored = await fetch(`${server.url}/${database}/_bulk_docs`, {
    method: 'POST',
    headers: adminHeaders(),
    body: JSON.stringify({ docs }),
  });
  expect(stored.status).toBe(201);

  const context = await browser.newContext();
  const page = await device(context);
  await turnOnSync(page, database, `${database}-tinh`, passwords.get(`${database}-tinh`)!);
  expect(await figures(page)).toEqual({ sessions: '10.000', participants: '30.000' });
  await context.close();
});
