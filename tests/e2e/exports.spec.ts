/**
 * The exports opened in real LibreOffice (Debian's headless Calc and Writer, installed by
 * ensureLibreOffice.sh), as a user's computer set to Vietnamese or to English would open them.
 *
 * LibreOffice reads a CSV with the separators of its locale, which a fresh profile takes from
 * LC_ALL: under vi_VN the decimal separator is the comma and the dot groups thousands, so "44.4"
 * stays text and "0.444" becomes 444; under en_US "10/03/2027" is 3 October. Each CSV is
 * converted to XLSX under both locales, with "detect special numbers" off and on (the import
 * dialog's two ways), and every cell read back: a figure must come back as the same number, a day
 * as the same day, text as the same text. Each XLSX is opened and saved again under both locales
 * and must hold the same cells; the action month's .docx is printed to PDF and must hold its
 * figures. Each run of LibreOffice has its own throw-away profile, so runs side by side do not
 * clash and no setting of an earlier run leaks in.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { expect, test } from './test';
import { addSchoolWithClasses } from './helpers';
import { readPdf, squash } from './pdf';

const run = promisify(execFile);
const locales = ['vi_VN.UTF-8', 'en_US.UTF-8'] as const;
type Locale = (typeof locales)[number];

/** Runs soffice under `locale` with a profile of its own, writing into `outDir`. */
async function soffice(locale: Locale, args: string[], outDir: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    await run(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args, '--outdir', outDir],
      {
        env: { ...process.env, LC_ALL: locale, LANG: locale, LANGUAGE: '' },
        timeout: 120_000,
      },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The CSV import's options (LibreOffice's "CSV filter options"): comma, double quote, UTF-8,
 * from line 1, no column formats, no language — so the locale decides, as on a user's
 * computer —, quoted fields not forced to text, and "detect special numbers" as given.
 */
const csvImport = (detectSpecialNumbers: boolean) => `CSV:44,34,76,1,,,false,${String(detectSpecialNumbers)}`;

type Cell = string | number | boolean | Date | null;

/** A day LibreOffice read as a date: the calendar day it holds. */
const dayOf = (value: Cell) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : `not a date: ${String(value)}`;

/**
 * What a cell written as `text` must read back as: a figure as the same number (whatever its
 * separators), a day (ISO or day/month/year, as the app writes it) as that day, anything else
 * as the same text.
 */
function expectReadBack(text: string, value: Cell, where: string): void {
  if (/^-?\d+([.,]\d+)?$/.test(text))
    expect(value, `${where}: “${text}” as a number`).toBe(Number(text.replace(',', '.')));
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) expect(dayOf(value), `${where}: “${text}” as a day`).toBe(text);
  else if (/^\d{2}\/\d{2}\/\d{4}$/.test(text))
    expect(dayOf(value), `${where}: “${text}” as a day`).toBe(text.split('/').reverse().join('-'));
  else expect(value ?? '', `${where}: text`).toBe(text);
}

interface Saved {
  name: string;
  path: string;
}

async function download(page: Page, button: string, dir: string): Promise<Saved> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const file = await event;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

const csvRows = (path: string) =>
  Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), {
    skipEmptyLines: false,
  }).data.filter((row) => row.length > 1 || row[0] !== '');

/** Each CSV as LibreOffice reads it under every locale and both number settings. */
async function csvReadBack(files: readonly Saved[], work: string): Promise<void> {
  for (const locale of locales) {
    for (const special of [false, true]) {
      const out = mkdtempSync(join(work, `csv-${locale}-${special}-`));
      await soffice(
        locale,
        ['--infilter=' + csvImport(special), '--convert-to', 'xlsx', ...files.map((f) => f.path)],
        out,
      );
      for (const file of files) {
        const [sheet] = await readXlsxFile(join(out, basename(file.name, '.csv') + '.xlsx'));
        // The blank line between the coverage file's two tables is left out on both sides.
        const read = ((sheet?.data ?? []) as Cell[][]).filter((row) => row.some((cell) => cell !== null));
        const written = csvRows(file.path);
        expect(read.length, `${file.name} under ${locale}`).toBe(written.length);
        written.forEach((row, r) =>
          row.forEach((text, c) =>
            expectReadBack(
              text,
              read[r]?.[c] ?? null,
              `${file.name}, ${locale}, special numbers ${special}, row ${r + 1} column ${c + 1}`,
            ),
          ),
        );
      }
    }
  }
}

/** Each XLSX opened and saved by LibreOffice under every locale: the same sheets, the same cells. */
async function xlsxReadBack(files: readonly Saved[], work: string): Promise<void> {
  for (const locale of locales) {
    const out = mkdtempSync(join(work, `xlsx-${locale}-`));
    await soffice(locale, ['--convert-to', 'xlsx', ...files.map((f) => f.path)], out);
    for (const file of files) {
      const written = await readXlsxFile(file.path);
      const read = await readXlsxFile(join(out, file.name));
      expect(read, `${file.name} under ${locale}`).toEqual(written);
    }
  }
}

/*
 * Worked out by hand (the clock stands at 28/06/2027).
 * Sessions at KCN Đình Trám: Công ty TNHH Điện tử Tân Hưng on 10/03 (37 workers, 20 women) and
 * 12/05 (42, 25); Xí nghiệp Bao bì Đông Á on 10/06 (15, 5). Trường THCS Võ Cường (6A1–6A3, 35
 * each = 105): an extracurricular activity on 15/03 reaching 30 students of 6A1 — 1/3 classes
 * (33.3%), 30/105 students (28.6%). The action month of UBND phường Võ Cường: the launch on
 * 02/06 (320 people, 500 leaflets) and the contest on 20/06 (150).
 * All units: 6 records, 37 + 42 + 15 + 30 + 320 + 150 = 594 people, 50 women, 30 students.
 * Each unit: KCN Đình Trám 0; Tân Hưng (KCN) 2 records, 79; Đông Á (KCN) 1, 15; the school 1,
 * 30; the ward 2, 470. The month's report counts Đông Á's session and the two activities:
 * 3 activities, 15 + 320 + 150 = 485 people.
 */
const sessions = [
  { date: '2027-03-10', unit: 'Công ty TNHH Điện tử Tân Hưng', participants: 37, women: 20 },
  { date: '2027-05-12', unit: 'Công ty TNHH Điện tử Tân Hưng', participants: 42, women: 25 },
  { date: '2027-06-10', unit: 'Xí nghiệp Bao bì Đông Á', participants: 15, women: 5 },
];
const school = 'Trường THCS Võ Cường';
const ward = 'UBND phường Võ Cường';
const theme = 'Chung tay vì phường Võ Cường không ma túy';

async function recordSession(page: Page, session: (typeof sessions)[number]): Promise<void> {
  await page.getByRole('link', { name: 'Buổi sinh hoạt', exact: true }).click();
  await page.getByRole('button', { name: 'Ghi nhận buổi sinh hoạt không theo kế hoạch' }).click();
  await page.getByLabel('Ngày tổ chức *').fill(session.date);
  await page.getByLabel('Đơn vị *').fill(session.unit);
  const parent = page.getByLabel(/^Thuộc \(/);
  if (await parent.isVisible()) await parent.fill('KCN Đình Trám');
  await page.getByLabel('Đối tượng *').selectOption({ label: 'Công nhân, người lao động' });
  await page.getByLabel('Số người tham gia *').fill(String(session.participants));
  await page.getByLabel('Trong đó nữ').fill(String(session.women));
  await page.getByLabel('Thời lượng (phút) *').fill('45');
  await page.getByRole('button', { name: 'Lưu buổi sinh hoạt' }).click();
  await expect(page.getByText(`${session.participants} người tham gia`)).toBeVisible();
}

async function planAndLog(
  page: Page,
  activity: { template: string; title: string; date: string; people: number; leaflets?: number },
): Promise<void> {
  await page.locator('#planned-template').selectOption({ label: activity.template });
  await page.locator('#planned-title').fill(activity.title);
  await page.locator('#planned-date').fill(activity.date);
  await page.getByRole('button', { name: 'Thêm vào kế hoạch' }).click();
  await page.getByRole('button', { name: `Ghi kết quả: ${activity.title}` }).click();
  await page.getByLabel('Số người tham gia').fill(String(activity.people));
  if (activity.leaflets) await page.getByLabel('Tờ rơi đã phát').fill(String(activity.leaflets));
  await page.getByRole('button', { name: 'Lưu kết quả' }).click();
  await expect(page.getByText(`Đã lưu kết quả: ${activity.title}.`)).toBeVisible();
}

interface SetUp {
  coverageCsv: Saved;
  coverageXlsx: Saved;
  docx: Saved;
}

/** Records everything worked out above through the app, downloading the coverage files and the report on the way. */
async function setUp(page: Page, work: string): Promise<SetUp> {
  await page.clock.setFixedTime(new Date('2027-06-28T09:00:00+07:00'));
  await page.goto('/');
  for (const session of sessions) await recordSession(page, session);

  // A school with three classes; one class reached.
  await addSchoolWithClasses(page, school);
  await page.getByRole('link', { name: 'Ghi hoạt động' }).first().click();
  await page.getByLabel('Loại hoạt động *').selectOption({ label: 'Hoạt động ngoại khóa' });
  await page.getByLabel('Ngày *').fill('2027-03-15');
  await page.getByRole('checkbox', { name: /^6A1 / }).check();
  await page.getByLabel('Số học sinh được tiếp cận').fill('30');
  await page.getByRole('button', { name: 'Lưu hoạt động' }).click();
  await expect(page.getByRole('heading', { level: 1, name: school })).toBeVisible();
  const coverageCsv = await download(page, 'Tải CSV', work);
  const coverageXlsx = await download(page, 'Tải XLSX', work);

  // The ward's action month, two activities logged, and its report as .docx.
  await page.getByRole('link', { name: 'Tháng hành động', exact: true }).click();
  await page.getByLabel('Đơn vị thực hiện *').fill(ward);
  await page.getByLabel('Loại đơn vị').selectOption({ label: 'Xã, phường' });
  await page.getByLabel('Chủ đề *').fill(theme);
  await page.getByLabel('Gửi đến *').fill('Ban Chỉ đạo thành phố Bắc Ninh');
  await page.getByRole('button', { name: 'Lập Tháng hành động' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tháng hành động phòng, chống ma túy năm 2027' }),
  ).toBeVisible();
  await planAndLog(page, {
    template: 'Lễ phát động, mít tinh',
    title: 'Lễ phát động, mít tinh',
    date: '2027-06-02',
    people: 320,
    leaflets: 500,
  });
  await planAndLog(page, {
    template: 'Cuộc thi tìm hiểu',
    title: 'Cuộc thi tìm hiểu pháp luật',
    date: '2027-06-20',
    people: 150,
  });
  await page.getByRole('link', { name: 'Báo cáo kết quả' }).click();
  const docx = await download(page, 'Tải .docx (Word)', work);

  await page.getByRole('link', { name: 'Thống kê', exact: true }).click();
  await expect(page.locator('[data-figure="participants"] strong')).toHaveText('594');
  return { coverageCsv, coverageXlsx, docx };
}

let work = '';
test.beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'chung-tay-exports-'));
});
test.afterEach(() => rmSync(work, { recursive: true, force: true }));

test('Every figure and day of the statistics and coverage CSV files reads back as the same number or day in LibreOffice set to Vietnamese or English, with special numbers detected or not', async ({
  page,
}) => {
  // Four runs of LibreOffice on a shared two-core machine: a guard against a hang, not a goal.
  test.setTimeout(300_000);
  const { coverageCsv } = await setUp(page, work);
  const statisticsCsv = await download(page, 'Tải CSV (Excel)', work);
  await page.getByLabel('Kèm chi tiết từng bản ghi').check();
  const detailCsv = await download(page, 'Tải CSV (Excel)', work);

  // What a spreadsheet in Vietnamese or English makes of them.
  await csvReadBack([statisticsCsv, detailCsv, coverageCsv], work);

  // Shares as whole percents beside their counts, days as ISO.
  const summary = csvRows(statisticsCsv.path);
  expect(summary).toContainEqual(['Số liệu chính', 'Lượt người tham gia', '594']);
  expect(summary).toContainEqual(['Số liệu chính', 'Lớp được tiếp cận', '1']);
  expect(summary).toContainEqual(['Số liệu chính', 'Tỷ lệ lớp được tiếp cận (%)', '33']);
  expect(summary).toContainEqual(['Số liệu chính', 'Tỷ lệ học sinh được tiếp cận (%)', '29']);
  expect(csvRows(detailCsv.path)[1]?.slice(1, 4)).toEqual([
    'Buổi sinh hoạt',
    '2027-03-10',
    'Công ty TNHH Điện tử Tân Hưng',
  ]);
  const coverage = csvRows(coverageCsv.path);
  expect(coverage[1]).toEqual([school, '2026–2027', '6', '3', '1', '33', '105', '30', '29']);
  expect(coverage.find((row) => row[3] === '6A1')?.[8]).toBe('2027-03-15');
});

test('The statistics and coverage XLSX files hold the same cells once LibreOffice in Vietnamese or English has opened them, and the action-month .docx prints with its figures', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const { coverageXlsx, docx } = await setUp(page, work);
  const statisticsXlsx = await download(page, 'Tải XLSX', work);
  await xlsxReadBack([statisticsXlsx, coverageXlsx], work);

  const pdfDir = mkdtempSync(join(work, 'pdf-'));
  await soffice('vi_VN.UTF-8', ['--convert-to', 'pdf', docx.path], pdfDir);
  const report = squash(
    (await readPdf(readFileSync(join(pdfDir, basename(docx.name, '.docx') + '.pdf'))))
      .map((p) => p.text)
      .join(' '),
  );
  expect(report).toContain(theme);
  // Three activities (the month's two and Đông Á's session), 485 people; the launch's 320 and 500 leaflets, the contest's 150.
  for (const figure of ['485', '320', '150', '500'])
    expect(report).toMatch(new RegExp(`(^|\\D)${figure}(\\D|$)`));

  // Shares keep one decimal in the XLSX, labelled as percents.
  const sheets = await readXlsxFile(statisticsXlsx.path);
  expect(sheets[0]?.data).toContainEqual(['Lượt người tham gia', 594]);
  expect(sheets[0]?.data).toContainEqual(['Tỷ lệ học sinh được tiếp cận (%)', 28.6]);
});

test('"By unit" lists each unit with its parent on screen, in the CSV and in the XLSX, and every file is named for the filter, the XLSX offered first', async ({
  page,
}) => {
  const { coverageCsv } = await setUp(page, work);
  const eachUnit = page.locator('summary', { hasText: 'Số liệu theo từng đơn vị' });
  await expect(eachUnit).toBeVisible();
  await eachUnit.click();
  await expect(page.getByRole('table', { name: 'Số liệu theo từng đơn vị' }).getByRole('row')).toHaveText([
    /Đơn vị\s*Đơn vị cấp trên\s*Số bản ghi\s*Lượt người tham gia/,
    /^KCN Đình Trám\s*—\s*0\s*0$/,
    /^Công ty TNHH Điện tử Tân Hưng\s*KCN Đình Trám\s*2\s*79$/,
    /^Xí nghiệp Bao bì Đông Á\s*KCN Đình Trám\s*1\s*15$/,
    /^Trường THCS Võ Cường\s*—\s*1\s*30$/,
    /^UBND phường Võ Cường\s*—\s*2\s*470$/,
  ]);
  // XLSX first: it reads the same whatever the computer's language.
  await expect(page.getByRole('region', { name: 'Xuất số liệu' }).getByRole('button')).toHaveText([
    'Tải XLSX',
    'Tải CSV (Excel)',
    'Tải JSON',
  ]);
  const statisticsXlsx = await download(page, 'Tải XLSX', work);
  const statisticsCsv = await download(page, 'Tải CSV (Excel)', work);
  expect(
    (await readXlsxFile(statisticsXlsx.path)).find((sheet) => sheet.sheet === 'Theo đơn vị')?.data,
  ).toEqual([
    ['Đơn vị', 'Đơn vị cấp trên', 'Số bản ghi', 'Lượt người tham gia'],
    ['KCN Đình Trám', null, 0, 0],
    ['Công ty TNHH Điện tử Tân Hưng', 'KCN Đình Trám', 2, 79],
    ['Xí nghiệp Bao bì Đông Á', 'KCN Đình Trám', 1, 15],
    [school, null, 1, 30],
    [ward, null, 2, 470],
  ]);
  const summary = csvRows(statisticsCsv.path);
  expect(summary).toContainEqual([
    'Theo đơn vị',
    'Xí nghiệp Bao bì Đông Á · Đơn vị cấp trên',
    'KCN Đình Trám',
  ]);
  expect(summary).toContainEqual(['Theo đơn vị', 'Xí nghiệp Bao bì Đông Á · Lượt người tham gia', '15']);

  // Named for the filter (all units), not for the one unit some records happen to share.
  await page.getByLabel('Kèm chi tiết từng bản ghi').check();
  const detailCsv = await download(page, 'Tải CSV (Excel)', work);
  expect([statisticsXlsx.name, statisticsCsv.name, detailCsv.name]).toEqual([
    'thong-ke-tat-ca-don-vi-2027-06-28.xlsx',
    'thong-ke-tat-ca-don-vi-2027-06-28.csv',
    'thong-ke-tat-ca-don-vi-2027-06-28-chi-tiet.csv',
  ]);
  // One unit, an audience and a period: the unit's name made safe, the choices in words.
  await page.getByLabel('Đơn vị (gồm đơn vị trực thuộc)').selectOption({ label: 'KCN Đình Trám' });
  await page.getByLabel('Đối tượng', { exact: true }).selectOption({ label: 'Công nhân, người lao động' });
  await page.getByLabel('Từ ngày').fill('2027-03-01');
  await page.getByLabel('Đến ngày').fill('2027-06-30');
  expect((await download(page, 'Tải JSON', work)).name).toBe(
    'thong-ke-kcn-dinh-tram-cong-nhan-tu-2027-03-01-den-2027-06-30-2027-06-28-chi-tiet.json',
  );
  expect(coverageCsv.name).toBe('do-phu-truong-thcs-vo-cuong-2026-2027.csv');
});
