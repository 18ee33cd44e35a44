/**
 * The statistics screen's exports, in the user's language: what is shown (the filter, the
 * key figures, each chart's numbers and every unit with its parent) by default, and one row
 * per record when the user asks for the detail. CSV holds one table (the aggregates as
 * section / item / value rows, or the detail), XLSX one sheet per table, JSON the
 * `chung-tay/statistics` file a roll-up reads. Numbers stay numbers; a share is a percent
 * (one decimal in XLSX, whole in CSV, so a spreadsheet in Vietnamese reads it as a number:
 * lib/export/csv.ts); no data stays empty. The file name says what the filter selects, never
 * a name as typed.
 */
import type { Audience } from '../../lib/content/ids';
import { localDate } from '../../lib/domain/dates';
import { statisticsFile, type StatisticsSummary } from '../../lib/domain/exchange';
import type { LedgerEntry } from '../../lib/domain/ledger.schema';
import type { StatisticsFilter } from '../../lib/domain/statistics';
import type { Unit } from '../../lib/domain/unit.schema';
import { unitLabel } from '../../lib/domain/units';
import { daysCell, shareCell, valueFor, type SheetValue } from '../../lib/export/cell';
import { toCsv } from '../../lib/export/csv';
import { downloadBlob, fileSlug } from '../../lib/export/download';
import { toXlsx, type XlsxSheet } from '../../lib/export/xlsx';
import { formatDate } from '../../lib/i18n/format';
import { locale } from '../../lib/i18n/locale.svelte';

export type ExportFormat = 'csv' | 'xlsx' | 'json';

const day = (date: string) => daysCell([date], (d) => formatDate(d, locale.language));
/** A share's label in a file, where the figure is a bare number: "Tỷ lệ lớp được tiếp cận (%)". */
const percentLabel = (key: string) => locale.t('statistics.export.percent', { label: locale.t(key) });

export const audienceLabel = (audience: Audience | null | undefined): string =>
  audience ? locale.t(`audience.${audience}`) : locale.t('statistics.audienceNone');
export const kindLabel = (kind: LedgerEntry['kind']): string => locale.t(`statistics.kind.${kind}`);
export const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
export const bandLabel = (band: { from: number; to: number }): string =>
  band.to === 100 ? `${band.from}–100%` : `${band.from}–${band.to - 1}%`;

// File names are Vietnamese without diacritics, whatever the language on screen.
const audienceSlug: Record<Audience, string> = {
  thcs: 'thcs',
  thpt: 'thpt',
  workers: 'cong-nhan',
  community: 'cong-dong',
};
const kindSlug: Record<LedgerEntry['kind'], string> = {
  session: 'buoi-sinh-hoat',
  'school-activity': 'hoat-dong-truong-hoc',
  'campaign-activity': 'thang-hanh-dong',
};

/**
 * "thong-ke-tat-ca-don-vi-2027-07-01", "thong-ke-kcn-dinh-tram-cong-nhan-tu-2027-03-01-den-
 * 2027-05-31-2027-07-01-chi-tiet": the filter (the unit, its name made safe and cut to 40
 * characters, or all units; the audience, the kind and the period when chosen), the day it was
 * made and whether it holds the detail. Without the extension.
 */
export function statisticsFileName(
  filter: StatisticsFilter,
  units: readonly Unit[],
  now: Date,
  detail: boolean,
): string {
  const unit = filter.unitId ? units.find((u) => u.id === filter.unitId) : undefined;
  return [
    'thong-ke',
    unit ? fileSlug(unitLabel(unit, units), 40, 'don-vi') : 'tat-ca-don-vi',
    filter.audience ? audienceSlug[filter.audience] : '',
    filter.kind ? kindSlug[filter.kind] : '',
    filter.from ? `tu-${filter.from}` : '',
    filter.to ? `den-${filter.to}` : '',
    localDate(now),
    detail ? 'chi-tiet' : '',
  ]
    .filter(Boolean)
    .join('-');
}

/** The aggregate tables, each with its header row: the figures (with the filter) first. */
export function summarySheets(summary: StatisticsSummary, units: readonly Unit[]): XlsxSheet[] {
  const { filter, figures, coverage } = summary;
  const byId = new Map(units.map((u) => [u.id, u]));
  const name = (id: string) => byId.get(id)?.name ?? '';
  const filterUnit = byId.get(filter.unitId);
  const all = locale.t('statistics.export.all');
  const figuresRows: SheetValue[][] = [
    [locale.t('statistics.export.item'), locale.t('statistics.export.value')],
    [locale.t('statistics.filter.from'), filter.from ? day(filter.from) : all],
    [locale.t('statistics.filter.to'), filter.to ? day(filter.to) : all],
    [locale.t('statistics.filter.unit'), filterUnit ? unitLabel(filterUnit, units) : all],
    [locale.t('statistics.filter.audience'), filter.audience ? audienceLabel(filter.audience) : all],
    [locale.t('statistics.filter.kind'), filter.kind ? kindLabel(filter.kind) : all],
    [locale.t('statistics.figure.records'), figures.records],
    [locale.t('statistics.figure.sessions'), figures.sessions],
    [locale.t('statistics.figure.participants'), figures.participants],
    [locale.t('statistics.figure.women'), figures.women],
    [locale.t('statistics.figure.students'), figures.students],
    // The counts beside each share: the CSV writes shares as whole percents.
    [locale.t('statistics.export.classes'), coverage.total.classes],
    [locale.t('statistics.export.classesReached'), coverage.total.classesReached],
    [percentLabel('statistics.figure.classShare'), shareCell(coverage.total.classShare)],
    [locale.t('statistics.export.enrolled'), coverage.total.enrolled],
    [locale.t('statistics.export.studentsReached'), coverage.total.studentsReached],
    [percentLabel('statistics.figure.studentShare'), shareCell(coverage.total.studentShare)],
    [locale.t('statistics.figure.attempts'), figures.attempts],
    [percentLabel('statistics.figure.averageScore'), shareCell(figures.averageScore)],
    [percentLabel('statistics.figure.checkBefore'), shareCell(figures.check.before.share)],
    [percentLabel('statistics.figure.checkAfter'), shareCell(figures.check.after.share)],
  ];
  return [
    { name: locale.t('statistics.export.sheet.figures'), rows: figuresRows, widths: [40, 30] },
    {
      name: locale.t('statistics.export.sheet.months'),
      rows: [
        [locale.t('statistics.chart.month'), locale.t('statistics.figure.participants')],
        ...summary.byMonth.map((row) => [monthLabel(row.month), row.participants]),
      ],
      widths: [14, 16],
    },
    {
      name: locale.t('statistics.export.sheet.audiences'),
      rows: [
        [locale.t('statistics.chart.audience'), locale.t('statistics.figure.participants')],
        ...summary.byAudience.map((row) => [audienceLabel(row.audience), row.participants]),
      ],
      widths: [32, 16],
    },
    {
      name: locale.t('statistics.export.sheet.units'),
      rows: [
        [
          locale.t('statistics.chart.unit'),
          locale.t('statistics.detail.parent'),
          locale.t('statistics.figure.records'),
          locale.t('statistics.figure.participants'),
        ],
        ...summary.eachUnit.map((row) => [
          name(row.unitId),
          row.parentId ? name(row.parentId) : null,
          row.records,
          row.participants,
        ]),
      ],
      widths: [40, 36, 12, 16],
    },
    {
      name: locale.t('statistics.export.sheet.scores'),
      rows: [
        [locale.t('statistics.chart.band'), locale.t('statistics.figure.attempts')],
        ...summary.scores.map((row) => [bandLabel(row), row.attempts]),
      ],
      widths: [14, 12],
    },
    {
      name: locale.t('statistics.export.sheet.schools'),
      rows: [
        [
          locale.t('statistics.chart.school'),
          locale.t('statistics.export.classes'),
          locale.t('statistics.export.classesReached'),
          percentLabel('statistics.figure.classShare'),
          locale.t('statistics.export.enrolled'),
          locale.t('statistics.export.studentsReached'),
          percentLabel('statistics.figure.studentShare'),
        ],
        ...coverage.schools.map(({ school, coverage: c }) => [
          school.name,
          c.classes,
          c.classesReached,
          shareCell(c.classShare),
          c.enrolled,
          c.studentsReached,
          shareCell(c.studentShare),
        ]),
      ],
      widths: [40, 10, 14, 14, 12, 14, 14],
    },
  ];
}

/** One row per record: what it was, where, when, for whom, how many. */
export function detailSheet(entries: readonly LedgerEntry[], units: readonly Unit[]): XlsxSheet {
  const byId = new Map(units.map((u) => [u.id, u]));
  // Each label looked up once, not once per row.
  const labels = new Map<string, string>();
  const days = new Map<string, SheetValue>();
  const label = (key: string, make: () => string) => {
    let found = labels.get(key);
    if (found === undefined) labels.set(key, (found = make()));
    return found;
  };
  const dayOf = (date: string) => {
    let found = days.get(date);
    if (found === undefined) days.set(date, (found = day(date)));
    return found;
  };
  const header = [
    locale.t('statistics.detail.id'),
    locale.t('statistics.detail.kind'),
    locale.t('statistics.detail.date'),
    locale.t('statistics.detail.unit'),
    locale.t('statistics.detail.parent'),
    locale.t('statistics.detail.audience'),
    locale.t('statistics.detail.participants'),
    locale.t('statistics.detail.women'),
    locale.t('statistics.detail.what'),
    locale.t('statistics.detail.updatedAt'),
  ];
  const rows = [...entries]
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((e): SheetValue[] => {
      const unit = byId.get(e.unitId);
      const parent = unit?.parentId ? byId.get(unit.parentId) : undefined;
      const what =
        e.kind === 'session'
          ? (e.place ?? '')
          : e.kind === 'school-activity'
            ? label(`activity.${e.activity}`, () => locale.t(`schools.activityKind.${e.activity}`))
            : e.title;
      return [
        e.id,
        label(e.kind, () => kindLabel(e.kind)),
        dayOf(e.date),
        unit?.name ?? '',
        parent?.name ?? '',
        e.audience ? label(`audience.${e.audience}`, () => audienceLabel(e.audience)) : '',
        e.participants,
        e.kind === 'session' ? (e.women ?? null) : null,
        what,
        e.updatedAt,
      ];
    });
  return {
    name: locale.t('statistics.export.sheet.detail'),
    rows: [header, ...rows],
    widths: [38, 20, 12, 36, 30, 26, 10, 8, 40, 26],
  };
}

/** The sheets as one CSV table: section, item, value (each sheet's header row names its columns). */
function summaryCsv(sheets: readonly XlsxSheet[]): string {
  const rows: SheetValue[][] = [
    [
      locale.t('statistics.export.section'),
      locale.t('statistics.export.item'),
      locale.t('statistics.export.value'),
    ],
  ];
  for (const sheet of sheets) {
    const [header, ...body] = sheet.rows;
    for (const row of body) {
      if (!header || row.length <= 2) rows.push([sheet.name, row[0] ?? null, row[1] ?? null]);
      else
        for (let i = 1; i < row.length; i++)
          rows.push([
            sheet.name,
            `${String(valueFor(row[0], 'csv') ?? '')} · ${String(valueFor(header[i], 'csv') ?? '')}`,
            row[i] ?? null,
          ]);
    }
  }
  return toCsv(rows);
}

export async function exportStatistics(
  format: ExportFormat,
  summary: StatisticsSummary,
  units: readonly Unit[],
  exportingUnit: Unit | undefined,
  detail: boolean,
  now: Date,
): Promise<void> {
  const base = statisticsFileName(summary.filter, units, now, detail);
  if (format === 'json') {
    const file = statisticsFile(summary, units, exportingUnit, now, detail);
    downloadBlob(new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }), `${base}.json`);
    return;
  }
  const sheets = summarySheets(summary, units);
  if (format === 'csv') {
    const text = detail ? toCsv(detailSheet(summary.entries, units).rows) : summaryCsv(sheets);
    downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), `${base}.csv`);
    return;
  }
  const all = detail ? [...sheets, detailSheet(summary.entries, units)] : sheets;
  downloadBlob(await toXlsx(all), `${base}.xlsx`);
}
