/**
 * Reading the files chosen or dropped for a round: each is read, fingerprinted (SHA-256 of
 * its bytes) and checked whole (`checkStatisticsFile`); a file already in the round, or twice
 * in the same choice, is refused as a duplicate. What passes is imported in one transaction
 * (`importFiles`); what does not is listed with its reason, and changes nothing.
 */
import { checkStatisticsFile, fileText, type FileProblem } from '../../lib/domain/exchange';
import type { Rollup } from '../../lib/domain/rollup';
import type { Database } from '../../lib/storage/connection';
import { importFiles, type ImportResult, type IncomingFile } from '../../lib/storage/rollupStore';
import { checkFreeSpace, neededFor } from '../../lib/storage/space';

export type FileOutcome =
  | { fileName: string; accepted: true; unitName: string; records: number; added: number; replaced: number }
  | { fileName: string; accepted: false; problem: FileProblem };

async function sha256(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Checks every file against the device's clock `now`; the ones that pass (and their size in
 * bytes, for the free-space check), and an outcome slot per file in the order given.
 */
export async function readFiles(
  files: readonly File[],
  round: Rollup,
  now: Date,
  /** Told after each file, with how many are checked. */
  onProgress: (checked: number) => void = () => undefined,
): Promise<{ incoming: IncomingFile[]; outcomes: Array<FileOutcome | IncomingFile>; bytes: number }> {
  const seen = new Map(round.files.map((f) => [f.hash, f.fileName]));
  const incoming: IncomingFile[] = [];
  const outcomes: Array<FileOutcome | IncomingFile> = [];
  let bytes = 0;
  for (const file of files) {
    onProgress(outcomes.length);
    const content = await file.arrayBuffer();
    const hash = await sha256(content);
    const earlier = seen.get(hash);
    if (earlier !== undefined) {
      outcomes.push({ fileName: file.name, accepted: false, problem: { kind: 'duplicate', of: earlier } });
      continue;
    }
    const text = fileText(new Uint8Array(content));
    const check = text.ok ? checkStatisticsFile(text.text, file.name, now) : text;
    if (!check.ok) {
      outcomes.push({ fileName: file.name, accepted: false, problem: check.problem });
      continue;
    }
    seen.set(hash, file.name);
    bytes += content.byteLength;
    const item = { checked: check.checked, hash, fileName: file.name };
    incoming.push(item);
    outcomes.push(item);
  }
  return { incoming, outcomes, bytes };
}

/**
 * Imports what passed, and lists every file's outcome in the order given with what was
 * written. When the browser says the files would not fit with room to spare, nothing is
 * imported and `space` says what they need and what is left.
 */
export async function importChecked(
  db: Database,
  round: Rollup,
  read: Awaited<ReturnType<typeof readFiles>>,
  now: Date,
): Promise<{
  outcomes: FileOutcome[];
  result: ImportResult | null;
  space: { needed: number; available: number } | null;
}> {
  if (read.incoming.length > 0) {
    const space = await checkFreeSpace(neededFor(read.bytes));
    if (!space.ok) return { outcomes: [], result: null, space };
  }
  const result: ImportResult | null =
    read.incoming.length > 0 ? await importFiles(db, round.id, read.incoming, now) : null;
  const refused = new Map(result?.refused.map((r) => [r.index, r.problem]));
  const lines = [...(result?.files ?? [])];
  const outcomes = read.outcomes.map((outcome): FileOutcome => {
    if ('accepted' in outcome) return outcome;
    const problem = refused.get(read.incoming.indexOf(outcome));
    if (problem) return { fileName: outcome.fileName, accepted: false, problem };
    // Accepted files are noted in the order given, so each takes the next line.
    const line = lines.shift();
    return {
      fileName: outcome.fileName,
      accepted: true,
      unitName: outcome.checked.exportingUnit.name,
      records: outcome.checked.records.length,
      added: line?.added ?? 0,
      replaced: line?.replaced ?? 0,
    };
  });
  return { outcomes, result, space: null };
}
