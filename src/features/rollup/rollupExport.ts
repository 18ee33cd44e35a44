/**
 * A round's own exports: its tables as XLSX (who sent, on time or not, and the totals per
 * sending unit and child unit, numbers as numbers), and the receiving unit's file for the
 * level above — the same `chung-tay/statistics` file the statistics screen makes, for the
 * round's period, with the detail, so roll-ups chain (enterprise → KCN → province).
 */
import { statisticsSummary } from '../../lib/domain/exchange';
import type { LedgerEntry } from '../../lib/domain/ledger.schema';
import { exportDay, type ReportingStatus, type Rollup, type UnitTotals } from '../../lib/domain/rollup';
import type { KeyFigures } from '../../lib/domain/statistics';
import type { Unit } from '../../lib/domain/unit.schema';
import { downloadBlob, fileSlug } from '../../lib/export/download';
import { toXlsx, type XlsxValue } from '../../lib/export/xlsx';
import { formatDate } from '../../lib/i18n/format';
import { locale } from '../../lib/i18n/locale.svelte';
import { exportStatistics } from '../statistics/statisticsExport';

export async function downloadRollupTables(
  round: Rollup,
  status: ReportingStatus,
  totals: { senders: UnitTotals[]; total: KeyFigures },
): Promise<void> {
  const figures = (f: Pick<KeyFigures, 'records' | 'sessions' | 'participants' | 'women' | 'students'>) => [
    f.records,
    f.sessions,
    f.participants,
    f.women,
    f.students,
  ];
  const column = (key: string) => locale.t(`statistics.rollup.column.${key}`);
  const figure = (key: string) => locale.t(`statistics.figure.${key}`);
  const statusRows: XlsxValue[][] = [
    [column('unit'), column('state'), column('exported'), column('files')],
    ...[...status.rows, ...status.unexpected].map((row) => [
      row.name,
      locale.t(`statistics.rollup.state.${row.state}`),
      row.first
        ? formatDate(exportDay(row.first.exportedAt), locale.language)
        : row.synced
          ? locale.t('statistics.rollup.bySync', { date: formatDate(row.synced, locale.language) })
          : null,
      row.files,
    ]),
  ];
  const totalRows: XlsxValue[][] = [
    [
      column('unit'),
      column('child'),
      figure('records'),
      figure('sessions'),
      figure('participants'),
      figure('women'),
      figure('students'),
    ],
  ];
  for (const sender of totals.senders) {
    totalRows.push([sender.name, null, ...figures(sender.figures)]);
    for (const child of sender.children)
      totalRows.push([sender.name, child.name, child.records, null, child.participants, null, null]);
  }
  totalRows.push([locale.t('statistics.rollup.total'), null, ...figures(totals.total)]);
  const blob = await toXlsx([
    { name: locale.t('statistics.rollup.statusHeading'), rows: statusRows, widths: [40, 14, 14, 8] },
    {
      name: locale.t('statistics.rollup.totalsHeading'),
      rows: totalRows,
      widths: [40, 30, 10, 10, 12, 10, 12],
    },
  ]);
  // The round's name as typed, made safe for a file name and cut.
  downloadBlob(blob, `tong-hop-${fileSlug(round.name, 40, 'ky-bao-cao')}.xlsx`);
}

/** The receiving unit's file for the level above: the round's period, everything under it, with the detail. */
export async function downloadReceiverFile(
  round: Rollup,
  receiver: Unit,
  data: { units: readonly Unit[]; entries: readonly LedgerEntry[] },
  now: Date,
): Promise<void> {
  const filter = { from: round.from, to: round.to, unitId: receiver.id, audience: '', kind: '' } as const;
  const summary = statisticsSummary({ ...data, attempts: [] }, filter, round.to);
  await exportStatistics('json', summary, data.units, receiver, true, now);
}
