/**
 * Which text format pasted or read text is, when the user did not say:
 * 1. GIFT, when an answer block opens the GIFT way (`{=`, `{~`, `{T}`, `{FALSE#…`, `{#`), a
 *    line starts with a title `::…::` or a `$CATEGORY:` line is there: none of these occurs
 *    in a teacher's Word text.
 * 2. Azota, when a line starts with "Câu 1:" or "Question 1:" (its parser also takes
 *    "ANSWER: B" lines, so numbered Aiken is read right).
 * 3. Aiken, when a line starts with "ANSWER:".
 * 4. Otherwise Azota, whose problems then say what is missing ("no question found").
 */
import type { ImportFormat } from './result';

const gift = [/\{\s*(?:[=~]|T(?:RUE)?\s*[}#]|F(?:ALSE)?\s*[}#]|#)/, /^\s*::[^\n]*::/m, /^\s*\$CATEGORY:/im];
const azota = /^\s*(?:câu(?:\s+hỏi)?|question)\s*\d{1,4}\s*(?:\([^)\n]{0,30}\))?\s*(?:[:.)]|$)/imu;
const aiken = /^\s*ANSWER\s*:/im;

export function detectFormat(text: string): Extract<ImportFormat, 'gift' | 'aiken' | 'azota'> {
  if (gift.some((regex) => regex.test(text))) return 'gift';
  if (azota.test(text)) return 'azota';
  if (aiken.test(text)) return 'aiken';
  return 'azota';
}
