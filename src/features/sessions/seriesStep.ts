/** How a step of a series is named on screen: "Buổi 2", "Buổi nhắc lại". */
import type { SeriesStep } from '../../lib/domain/series';
import { locale } from '../../lib/i18n/locale.svelte';

export function stepName(step: Pick<SeriesStep, 'booster' | 'index'>): string {
  return step.booster
    ? locale.t('sessions.series.booster')
    : locale.t('sessions.series.session', { number: step.index + 1 });
}
