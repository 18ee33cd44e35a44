/**
 * Reading the files chosen or dropped for a round: each is read, fingerprinted (SHA-256 of
 * its bytes) and checked whole (`checkStatisticsFile`); a file already in the round, or twice
 * in the same choice, is refused as a duplicate. What passes is imported in one transaction
 * (`importFiles`); what does not is listed with its reason, and changes nothing.
 */
import { checkStatisticsFile, type FileProblem } from '../../lib/domain/exchange';
import type { Rollup } from '../../lib/domain/rollup';
import type { Database } from '../../lib/storage/connection';
import { importFiles, type ImportResult, type IncomingFile } from '../../lib/storage/rollupStore';

export type FileOutcome =
  | { fileName: string; accepted: true; unitName: string; records: number; added: number; replaced: number }
  | { fileName: string; accepted: false; problem: FileProblem };

async function sha256(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Checks every file; the ones that pass, and an outcome slot per file in the order given. */
export async function readFiles(
  files: readonly File[],
  round: Rollup,
  /** Told after each file, with how many are checked. */
  onProgress: (checked: number) => void = () => undefined,
): Promise<{ incoming: IncomingFile[]; outcomes: Array<FileOutcome | IncomingFile> }> {
  const seen = new Map(round.files.map((f) => [f.hash, f.fileName]));
  const incoming: IncomingFile[] = [];
  const outcomes: Array<FileOutcome | IncomingFile> = [];
  for (const file of files) {
    onProgress(outcomes.length);
    const bytes = await file.arrayBuffer();
    const hash = await sha256(bytes);
    const earlier = seen.get(hash);
    if (earlier !== undefined) {
      outcomes.push({ fileName: file.name, accepted: false, problem: { kind: 'duplicate', of: earlier } });
      continue;
    }
    const check = checkStatisticsFile(new TextDecoder().decode(bytes), file.name);
    if (!check.ok) {
      outcomes.push({ fileName: file.name, accepted: false, problem: check.problem });
      continue;
    }
    seen.set(hash, file.name);
    const item = { checked: check.checked, hash, fileName: file.name };
    incoming.push(item);
    outcomes.push(item);
  }
  return { incoming, outcomes };
}

/** Imports what passed, and lists every file's outcome in the order given with what was written. */
export async function importChecked(
  db: Database,
  round: Rollup,
  read: Awaited<ReturnType<typeof readFiles>>,
  now: Date,
): Promise<{ outcomes: FileOutcome[]; result: ImportResult | null }> {
  const result: ImportResult | null =
    read.incoming.length > 0 ? await importFiles(db, round.id, read.incoming, now) : null;
  const outcomes = read.outcomes.map((outcome): FileOutcome => {
    if ('accepted' in outcome) return outcome;
    const index = read.incoming.indexOf(outcome);
    const line = result?.files[index];
    return {
      fileName: outcome.fileName,
      accepted: true,
      unitName: outcome.checked.exportingUnit.name,
      records: outcome.checked.records.length,
      added: line?.added ?? 0,
      replaced: line?.replaced ?? 0,
    };
  });
  return { outcomes, result };
}
