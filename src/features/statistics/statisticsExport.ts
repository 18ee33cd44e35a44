/**
 * The statistics screen's exports, in the user's language: what is shown (the filter, the
 * key figures and each chart's numbers) by default, and one row per record when the user
 * asks for the detail. CSV holds one table (the aggregates as section / item / value rows, or
 * the detail), XLSX one sheet per table, JSON the `chung-tay/statistics` file a roll-up
 * reads. Numbers stay numbers; shares are percents with one decimal; no data stays empty.
 */
import type { Audience } from '../../lib/content/ids';
import { statisticsFile, type StatisticsSummary } from '../../lib/domain/exchange';
import type { LedgerEntry } from '../../lib/domain/ledger.schema';
import type { Unit } from '../../lib/domain/unit.schema';
import { toCsv } from '../../lib/export/csv';
import { downloadBlob, fileSlug } from '../../lib/export/download';
import { toXlsx, type XlsxSheet, type XlsxValue } from '../../lib/export/xlsx';
import { formatDate } from '../../lib/i18n/format';
import { locale } from '../../lib/i18n/locale.svelte';

export type ExportFormat = 'csv' | 'xlsx' | 'json';

const percent = (share: number | null): XlsxValue => (share === null ? null : Math.round(share * 1000) / 10);

export const audienceLabel = (audience: Audience | null | undefined): string =>
  audience ? locale.t(`audience.${audience}`) : locale.t('statistics.audienceNone');
export const kindLabel = (kind: LedgerEntry['kind']): string => locale.t(`statistics.kind.${kind}`);
export const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
export const bandLabel = (band: { from: number; to: number }): string =>
  band.to === 100 ? `${band.from}–100%` : `${band.from}–${band.to - 1}%`;

/** The aggregate tables, each with its header row: the figures (with the filter) first. */
export function summarySheets(summary: StatisticsSummary, units: readonly Unit[]): XlsxSheet[] {
  const { filter, figures, coverage } = summary;
  const name = (id: string) => units.find((u) => u.id === id)?.name ?? '';
  const all = locale.t('statistics.export.all');
  const figuresRows: XlsxValue[][] = [
    [locale.t('statistics.export.item'), locale.t('statistics.export.value')],
    [locale.t('statistics.filter.from'), filter.from ? formatDate(filter.from, locale.language) : all],
    [locale.t('statistics.filter.to'), filter.to ? formatDate(filter.to, locale.language) : all],
    [locale.t('statistics.filter.unit'), filter.unitId ? name(filter.unitId) : all],
    [locale.t('statistics.filter.audience'), filter.audience ? audienceLabel(filter.audience) : all],
    [locale.t('statistics.filter.kind'), filter.kind ? kindLabel(filter.kind) : all],
    [locale.t('statistics.figure.records'), figures.records],
    [locale.t('statistics.figure.sessions'), figures.sessions],
    [locale.t('statistics.figure.participants'), figures.participants],
    [locale.t('statistics.figure.women'), figures.women],
    [locale.t('statistics.figure.students'), figures.students],
    [locale.t('statistics.figure.classShare'), percent(coverage.total.classShare)],
    [locale.t('statistics.figure.studentShare'), percent(coverage.total.studentShare)],
    [locale.t('statistics.figure.attempts'), figures.attempts],
    [locale.t('statistics.figure.averageScore'), percent(figures.averageScore)],
    [locale.t('statistics.figure.checkBefore'), percent(figures.check.before.share)],
    [locale.t('statistics.figure.checkAfter'), percent(figures.check.after.share)],
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
          locale.t('statistics.figure.records'),
          locale.t('statistics.figure.participants'),
        ],
        ...summary.byUnit.map((row) => [name(row.unitId), row.records, row.participants]),
      ],
      widths: [40, 12, 16],
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
          locale.t('statistics.figure.classShare'),
          locale.t('statistics.export.enrolled'),
          locale.t('statistics.export.studentsReached'),
          locale.t('statistics.figure.studentShare'),
        ],
        ...coverage.schools.map(({ school, coverage: c }) => [
          school.name,
          c.classes,
          c.classesReached,
          percent(c.classShare),
          c.enrolled,
          c.studentsReached,
          percent(c.studentShare),
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
  const label = (key: string, make: () => string) => {
    let found = labels.get(key);
    if (found === undefined) labels.set(key, (found = make()));
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
    .map((e): XlsxValue[] => {
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
        label(`date.${e.date}`, () => formatDate(e.date, locale.language)),
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
  const rows: XlsxValue[][] = [
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
          rows.push([sheet.name, `${String(row[0] ?? '')} · ${String(header[i] ?? '')}`, row[i] ?? null]);
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
  const day = now.toISOString().slice(0, 10);
  const base = `thong-ke-${fileSlug(exportingUnit?.name ?? 'chung-tay')}-${day}${detail ? '-chi-tiet' : ''}`;
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
