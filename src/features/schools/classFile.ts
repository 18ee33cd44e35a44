/**
 * Reads a class list from what the school has: an XLSX or CSV file, or cells pasted from a
 * spreadsheet (tab-separated). The readers load only when used: read-excel-file for XLSX,
 * papaparse for CSV and pasted text. The rows then go through `readClassList`, which takes
 * all or nothing and reports each problem with its row.
 */
import { readClassList, type ClassListResult } from '../../lib/domain/classList';

export type ClassFileResult =
  ClassListResult | { ok: false; problems: [{ kind: 'unsupported' | 'unreadable' }] };

async function parseText(text: string): Promise<unknown[][]> {
  const { default: Papa } = await import('papaparse');
  // Excel's CSV in Vietnamese locales is often ';'-separated; pasted cells are tab-separated.
  const parsed = Papa.parse<unknown[]>(text.replace(/^\uFEFF/, ''), {
    delimitersToGuess: ['\t', ',', ';'],
    skipEmptyLines: 'greedy',
  });
  return parsed.data;
}

export async function readClassText(text: string, existing: readonly string[]): Promise<ClassFileResult> {
  return readClassList(await parseText(text), existing);
}

export async function readClassFile(file: File, existing: readonly string[]): Promise<ClassFileResult> {
  const name = file.name.toLowerCase();
  try {
    if (name.endsWith('.xlsx')) {
      const { readSheet } = await import('read-excel-file/browser');
      return readClassList(await readSheet(file), existing);
    }
    if (name.endsWith('.csv') || name.endsWith('.txt') || file.type === 'text/csv') {
      return readClassList(await parseText(await file.text()), existing);
    }
  } catch (error) {
    console.error('Could not read the class list', error);
    return { ok: false, problems: [{ kind: 'unreadable' }] };
  }
  return { ok: false, problems: [{ kind: 'unsupported' }] };
}
