/**
 * The bundled slogans, official yearly themes first (newest first), loaded on demand.
 */
import type { Slogan } from '../../lib/content/material.schema';

let loading: Promise<readonly Slogan[]> | null = null;

export function loadSlogans(): Promise<readonly Slogan[]> {
  loading ??= import('virtual:content/slogans').then(({ default: slogans }) =>
    [...slogans].sort((a, b) => (b.themeYear ?? 0) - (a.themeYear ?? 0)),
  );
  return loading;
}
