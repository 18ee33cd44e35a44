/** Hands a made file to the browser as a download (it stays on the device). */
import { foldForSearch } from '../text';

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; let it go once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Trường THCS Võ Cường" → "truong-thcs-vo-cuong": file names every system accepts. */
export function fileSlug(text: string): string {
  return (
    foldForSearch(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'chung-tay'
  );
}
