import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { content, expectNoAxeViolations, plans, series, tallyRoom, waitForOfflineReady } from './helpers';

const workers = series.find((s) => s.audience === 'workers')!;
const planOf = (id: string) => plans.find((p) => p.id === id)!;
const question = (id: string) => content.questions.find((q) => q.id === id)!;
const present = 20;
const percent = (share: number) =>
  new Intl.NumberFormat('vi', { style: 'percent', maximumFractionDigits: 0 }).format(share);
const unit = 'Xưởng may số 2 – Công ty TNHH Phúc Hưng';

/**
 * Runs a plan once its run has started, with the room's answers (`before` and `after` right
 * of `present` on every check question), then records it at `unit` on `date`; a run started
 * for the group finds the unit filled in.
 */
async function runAndRecord(
  page: Page,
  planId: string,
  before: number,
  after: number,
  date: string,
  { unitFilled }: { unitFilled: boolean },
) {
  const plan = planOf(planId);
  const check = plan.check!.map(question);
  const segments = plan.agenda.length;
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`^Phần 1/${segments}:`) }),
  ).toBeVisible();
  await page.getByLabel('Số người có mặt').fill(String(present));
  for (const [i, segment] of plan.agenda.entries()) {
    if (i > 0) {
      await page.getByRole('button', { name: 'Phần tiếp →' }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: new RegExp(`^Phần ${i + 1}/${segments}:`) }),
      ).toBeVisible();
    }
    if (segment.kind !== 'check-before' && segment.kind !== 'check-after') continue;
    for (const [j, q] of check.entries()) {
      if (j > 0) await page.getByRole('button', { name: 'Câu tiếp' }).click();
      await tallyRoom(page, q, segment.kind === 'check-before' ? before : after, present);
    }
  }
  await page.getByRole('button', { name: 'Kết thúc và ghi nhận' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ghi nhận buổi sinh hoạt' })).toBeVisible();
  await page.getByLabel('Ngày tổ chức *').fill(date);
  if (unitFilled) await expect(page.getByLabel('Đơn vị *')).toHaveValue(unit);
  else await page.getByLabel('Đơn vị *').fill(unit);
  await page.getByRole('button', { name: 'Lưu buổi sinh hoạt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(unit) })).toBeVisible();
}

test('A union officer runs session 1 and then session 2 of the worker series with one workshop, offline, and sees both results side by side', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const [first, second] = workers.sessions.map((s) => planOf(s.plan));
  await page.goto('/');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.reload();
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
  const dayShift = (days: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const shown = (date: string) =>
    new Intl.DateTimeFormat('vi', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${date}T00:00:00Z`));

  // The series, from the sessions page: its steps in order, the booster and the guide.
  await page.getByRole('link', { name: 'Buổi sinh hoạt' }).click();
  await page.getByRole('link', { name: workers.title.vi }).click();
  await expect(page.getByRole('heading', { level: 1, name: workers.title.vi })).toBeVisible();
  const steps = page.getByRole('list', { name: 'Các buổi, theo thứ tự' }).getByRole('listitem');
  await expect(steps).toHaveCount(workers.sessions.length + 1);
  await expect(steps.nth(0)).toContainText(`Buổi 1 ${first!.title.vi}`);
  await expect(steps.nth(1)).toContainText(`Buổi 2 · ${workers.sessions[1]!.weeksAfter} tuần sau buổi trước`);
  await expect(steps.last()).toContainText(
    `Buổi nhắc lại · ${workers.booster.monthsAfter} tháng sau buổi cuối`,
  );
  await expect(
    page
      .getByRole('link', { name: /.+/ })
      .filter({ hasText: /Hướng dẫn|công đoàn/i })
      .first(),
  ).toBeVisible();
  await expect(page.getByText(/Chưa có nhóm nào/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Session 1, a week ago: a quarter right at the start, three quarters at the end.
  await steps.nth(0).getByRole('link', { name: first!.title.vi }).click();
  await expect(page.getByText(`Buổi 1 trong chuỗi ${workers.title.vi}`)).toBeVisible();
  await page.getByRole('button', { name: 'Bắt đầu buổi sinh hoạt' }).click();
  await runAndRecord(page, first!.id, 5, 15, dayShift(-7), { unitFilled: false });

  // The series shows the workshop: session 1 done, session 2 next, due a week after it.
  await page.goto(`/#/series/${workers.id}`);
  const table = page.getByRole('table', { name: 'Các nhóm đang học chuỗi này' });
  const row = table.getByRole('row', { name: new RegExp(unit) });
  await expect(row).toContainText(`Đầu buổi ${percent(0.25)} → cuối buổi ${percent(0.75)}`);
  const week = workers.sessions[1]!.weeksAfter!;
  await expect(row.getByRole('cell').last()).toContainText(`Buổi 2: từ ${shown(dayShift(-7 + 7 * week))}`);

  // Session 2 today, started from the workshop's row: its record names the workshop already.
  await row.getByRole('button', { name: `Bắt đầu Buổi 2 với ${unit}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Phần 1\// })).toBeVisible();
  await expect(page.getByText(second!.title.vi)).toBeVisible();
  await runAndRecord(page, second!.id, 10, 18, today, { unitFilled: true });

  // Both results side by side in the workshop's row, session 2 the latest, session 3 next.
  await page.goto(`/#/series/${workers.id}`);
  await expect(table.getByRole('row')).toHaveCount(2);
  const cells = row.getByRole('cell');
  await expect(cells.nth(0)).toContainText(`Đầu buổi ${percent(0.25)} → cuối buổi ${percent(0.75)}`);
  await expect(cells.nth(1)).toContainText(`Đầu buổi ${percent(0.5)} → cuối buổi ${percent(0.9)}`);
  await expect(cells.nth(1)).toContainText('Buổi gần nhất');
  await expect(cells.nth(0)).not.toContainText('Buổi gần nhất');
  await expect(cells.nth(2)).toHaveText('Chưa học');
  const next = workers.sessions[2]!.weeksAfter!;
  await expect(cells.last()).toContainText(`Buổi 3: từ ${shown(dayShift(7 * next))}`);
  await expectNoAxeViolations(page);

  // Each result opens its session record.
  await cells.nth(0).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(unit) })).toBeVisible();
});
