/**
 * A school's class list as it comes from a spreadsheet (CSV, XLSX or cells pasted from
 * Excel): rows of cells, a header row with Vietnamese (or English) column names somewhere
 * near the top, then one class a row. Either every row is right and the classes come back,
 * or nothing is taken and each problem is reported with its row number (1-based, as the
 * spreadsheet shows it), so the school can mend its file.
 *
 * Enrollments are plain decimal integers: digits only in text ("35"; not "1e2", "0x1F", "3 5",
 * "35.0" or other scripts' digits, which `Number()` would read), or an integer number cell.
 * A list longer than a school's classes is refused at once, and the problems shown stop at
 * `maxListedProblems`, so a wrong file never produces an endless list.
 */
import { compareNames, gradeOf } from './coverage';
import { foldForSearch } from '../text';
import { classNameMaxLength, maxEnrollment } from './unit.schema';

export interface ClassRow {
  name: string;
  grade: string;
  enrollment: number;
}

export type ClassListProblem =
  | { kind: 'empty' }
  | { kind: 'no-header' }
  | { kind: 'missing-column'; column: 'name' | 'enrollment'; row: number }
  | { kind: 'empty-name'; row: number }
  | { kind: 'name-too-long'; row: number }
  | { kind: 'duplicate-name'; row: number; name: string; firstRow: number }
  | { kind: 'existing-name'; row: number; name: string }
  | { kind: 'enrollment-missing'; row: number }
  | { kind: 'enrollment-not-number'; row: number; value: string }
  | { kind: 'enrollment-negative'; row: number }
  | { kind: 'enrollment-too-large'; row: number }
  | { kind: 'too-many-rows'; rows: number }
  /** The problems after the first `maxListedProblems`, counted rather than listed. */
  | { kind: 'more-problems'; count: number };

export type ClassListResult = { ok: true; classes: ClassRow[] } | { ok: false; problems: ClassListProblem[] };

export const maxClassRows = 300;
export const maxListedProblems = 50;
/** The header is looked for in this many rows (titles and a school name often come first). */
const headerSearchRows = 10;

const headers = {
  name: ['lop', 'ten lop', 'lop hoc', 'class', 'class name', 'name'],
  grade: ['khoi', 'khoi lop', 'grade', 'year'],
  enrollment: ['si so', 'so hoc sinh', 'so hs', 'tong so hoc sinh', 'enrollment', 'students', 'pupils'],
} as const;

/**
 * An enrollment cell: an integer number cell, or text of ASCII digits only; a leading minus
 * makes it negative whatever follows, so "-5" is reported as negative, not as not a number.
 */
function readEnrollment(cell: unknown, text: string): number | 'negative' | 'not-number' {
  if (typeof cell === 'number') {
    if (cell < 0) return 'negative';
    return Number.isSafeInteger(cell) ? cell : 'not-number';
  }
  if (/^-\d/.test(text)) return 'negative';
  return /^\d+$/.test(text) ? Number(text) : 'not-number';
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  return String(cell).normalize('NFC').trim();
}

/**
 * Reads the class list from rows of cells.
 * @param existing names of the school year's classes already on the device (a name twice is refused)
 */
export function readClassList(
  rows: readonly (readonly unknown[])[],
  existing: readonly string[] = [],
): ClassListResult {
  const nonEmpty = rows.filter((row) => row.some((cell) => cellText(cell) !== ''));
  if (nonEmpty.length === 0) return { ok: false, problems: [{ kind: 'empty' }] };

  let headerIndex = -1;
  let columns: Partial<Record<keyof typeof headers, number>> = {};
  for (let i = 0; i < Math.min(rows.length, headerSearchRows); i++) {
    const found: typeof columns = {};
    (rows[i] ?? []).forEach((cell, column) => {
      const text = foldForSearch(cellText(cell));
      for (const [field, names] of Object.entries(headers) as Array<
        [keyof typeof headers, readonly string[]]
      >) {
        if (found[field] === undefined && names.includes(text)) found[field] = column;
      }
    });
    if (found.name !== undefined || found.enrollment !== undefined) {
      headerIndex = i;
      columns = found;
      break;
    }
  }
  if (headerIndex < 0) return { ok: false, problems: [{ kind: 'no-header' }] };
  const headerRow = headerIndex + 1;
  const missing: ClassListProblem[] = [];
  if (columns.name === undefined) missing.push({ kind: 'missing-column', column: 'name', row: headerRow });
  if (columns.enrollment === undefined)
    missing.push({ kind: 'missing-column', column: 'enrollment', row: headerRow });
  if (missing.length > 0) return { ok: false, problems: missing };

  // A list longer than any school's classes cannot be taken, whatever its rows hold: say so once.
  let dataRows = 0;
  for (let i = headerIndex + 1; i < rows.length; i++)
    if ((rows[i] ?? []).some((cell) => cellText(cell) !== '')) dataRows++;
  if (dataRows > maxClassRows) return { ok: false, problems: [{ kind: 'too-many-rows', rows: dataRows }] };

  const problems: ClassListProblem[] = [];
  const classes: ClassRow[] = [];
  const seen = new Map<string, number>();
  // Class names differ by case or spacing only when they are the same class; diacritics count (as in sessionRecord's sameName).
  const nameKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  const taken = new Set(existing.map(nameKey));
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const number = i + 1;
    if (!row.some((cell) => cellText(cell) !== '')) continue;
    const name = cellText(row[columns.name as number]).replace(/\s+/g, ' ');
    const rawEnrollment = row[columns.enrollment as number];
    const enrollmentText = cellText(rawEnrollment);
    const gradeText = columns.grade === undefined ? '' : cellText(row[columns.grade]);

    if (!name) problems.push({ kind: 'empty-name', row: number });
    else if (name.length > classNameMaxLength) problems.push({ kind: 'name-too-long', row: number });
    else {
      const key = nameKey(name);
      const first = seen.get(key);
      if (first !== undefined) problems.push({ kind: 'duplicate-name', row: number, name, firstRow: first });
      else if (taken.has(key)) problems.push({ kind: 'existing-name', row: number, name });
      else seen.set(key, number);
    }

    let enrollment: number | undefined;
    if (!enrollmentText) problems.push({ kind: 'enrollment-missing', row: number });
    else {
      const read = readEnrollment(rawEnrollment, enrollmentText);
      if (read === 'negative') problems.push({ kind: 'enrollment-negative', row: number });
      else if (read === 'not-number')
        problems.push({ kind: 'enrollment-not-number', row: number, value: enrollmentText });
      else if (read > maxEnrollment) problems.push({ kind: 'enrollment-too-large', row: number });
      else enrollment = read;
    }
    if (name && enrollment !== undefined) {
      classes.push({
        name,
        grade: gradeText.replace(/^(khối|khoi|grade)\s*/i, '') || gradeOf(name),
        enrollment,
      });
    }
  }
  if (classes.length + problems.length === 0) return { ok: false, problems: [{ kind: 'empty' }] };
  if (problems.length > maxListedProblems) {
    const more = problems.length - maxListedProblems;
    return {
      ok: false,
      problems: [...problems.slice(0, maxListedProblems), { kind: 'more-problems', count: more }],
    };
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    classes: classes.sort((a, b) => compareNames(a.grade, b.grade) || compareNames(a.name, b.name)),
  };
}
