/**
 * A school's coverage report as tables, in the user's language: the figures per grade and
 * for the school, then one row per class. The same tables make the CSV (one after the other)
 * and the XLSX (one sheet each); numbers stay numbers, shares are percents (one decimal in
 * XLSX, whole in CSV, so a spreadsheet set to Vietnamese reads them as numbers:
 * lib/export/csv.ts), days are ISO in CSV, and a share with nothing to divide by is left
 * empty rather than written as 0. The file name is the school's name made safe and cut.
 */
import type { Coverage, CoverageFigures } from '../../lib/domain/coverage';
import type { SchoolYearRecord } from '../../lib/domain/unit.schema';
import { yearLabel, type School } from '../../lib/domain/school';
import { daysCell, shareCell, type SheetValue } from '../../lib/export/cell';
import { toCsv } from '../../lib/export/csv';
import { downloadBlob, fileSlug } from '../../lib/export/download';
import { toXlsx, type XlsxSheet, type XlsxValue } from '../../lib/export/xlsx';
import { formatDate } from '../../lib/i18n/format';
import { locale } from '../../lib/i18n/locale.svelte';

/** Grade "6" is the number 6 in a spreadsheet; "Lớp chồi" stays text. */
const gradeValue = (grade: string): XlsxValue => (/^\d+$/.test(grade) ? Number(grade) : grade);

export function coverageSheets(
  school: School,
  year: SchoolYearRecord,
  coverage: Coverage,
  activityDates: ReadonlyMap<string, string>,
): XlsxSheet[] {
  const t = (key: string) => locale.t(`schools.export.${key}`);
  const label = yearLabel(year);
  const figures = (f: CoverageFigures): SheetValue[] => [
    f.classes,
    f.classesReached,
    shareCell(f.classShare),
    f.enrolled,
    f.studentsReached,
    shareCell(f.studentShare),
  ];
  const summary: SheetValue[][] = [
    [
      t('school'),
      t('year'),
      t('grade'),
      t('classes'),
      t('classesReached'),
      t('classShare'),
      t('enrolled'),
      t('studentsReached'),
      t('studentShare'),
    ],
    ...coverage.grades.map((g) => [school.name, label, gradeValue(g.grade), ...figures(g)]),
    [school.name, label, locale.t('schools.coverage.wholeSchool'), ...figures(coverage.school)],
  ];
  const classes: SheetValue[][] = [
    [
      t('school'),
      t('year'),
      t('grade'),
      t('class'),
      t('enrolled'),
      t('activities'),
      t('studentsReached'),
      t('reached'),
      t('dates'),
      t('note'),
    ],
    ...coverage.perClass.map((row) => [
      school.name,
      label,
      gradeValue(row.class.grade),
      row.class.name,
      row.class.enrollment,
      row.activities.length,
      row.studentsReached,
      row.activities.length > 0 ? t('yes') : t('no'),
      daysCell(
        row.activities.map((id) => activityDates.get(id)).filter((date): date is string => Boolean(date)),
        (date) => formatDate(date, locale.language),
      ),
      row.class.removedOn
        ? locale.t('schools.export.removed', { date: formatDate(row.class.removedOn, locale.language) })
        : '',
    ]),
  ];
  return [
    { name: t('summarySheet'), rows: summary, widths: [30, 12, 12, 10, 12, 12, 10, 14, 14] },
    { name: t('classesSheet'), rows: classes, widths: [30, 12, 8, 10, 8, 10, 14, 10, 30, 24] },
  ];
}

function fileName(school: School, year: SchoolYearRecord, extension: string): string {
  return `do-phu-${fileSlug(school.name, 40, 'truong')}-${yearLabel(year).replace('–', '-')}.${extension}`;
}

export function downloadCoverageCsv(
  school: School,
  year: SchoolYearRecord,
  sheets: readonly XlsxSheet[],
): void {
  const rows = sheets.flatMap((sheet, i) => (i === 0 ? sheet.rows : [[], ...sheet.rows]));
  downloadBlob(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }), fileName(school, year, 'csv'));
}

export async function downloadCoverageXlsx(
  school: School,
  year: SchoolYearRecord,
  sheets: readonly XlsxSheet[],
): Promise<void> {
  downloadBlob(await toXlsx(sheets), fileName(school, year, 'xlsx'));
}
