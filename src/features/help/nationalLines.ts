/**
 * The national help lines, verified in shared/docs/facts.md §5. Shown on every screen's
 * footer, on the help page, under materials and on printed handouts.
 * 115 comes first: someone who cannot breathe, is unconscious or has a seizure after using a
 * substance needs the medical-emergency number before the police (113).
 */
export interface NationalLine {
  number: string;
  /** For tel: links. */
  dial: string;
  /** i18n key of what the line is for. */
  key: string;
}

export const nationalLines: readonly NationalLine[] = [
  { number: '115', dial: '115', key: 'help.medical' },
  { number: '113', dial: '113', key: 'help.police' },
  { number: '111', dial: '111', key: 'help.child' },
  { number: '0769.04.04.04', dial: '0769040404', key: 'help.c04' },
];
