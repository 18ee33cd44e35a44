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

/**
 * "Trường THCS Võ Cường" → "truong-thcs-vo-cuong": what a user typed, made into a file-name
 * part every system accepts (ASCII letters, digits and hyphens, no diacritics), cut to
 * `maxLength` at a word's end so a long name stays readable ("cong-ty-tnhh-…-minh-anh" never
 * ends in half a word or a hyphen). `fallback` when nothing is left.
 */
export function fileSlug(text: string, maxLength = 60, fallback = 'chung-tay'): string {
  const slug = foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug || fallback;
  const cut = slug.slice(0, maxLength + 1);
  // The cut fell inside a word: go back to the last word's end, unless that leaves nothing.
  const end = cut.endsWith('-') ? maxLength : cut.lastIndexOf('-');
  return (end > 0 ? slug.slice(0, end) : slug.slice(0, maxLength)).replace(/-+$/, '') || fallback;
}
