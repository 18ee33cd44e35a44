/**
 * chart.js, loaded only when a chart is drawn (the statistics screen), with just the parts a
 * bar chart with a target line needs; the screen's figures and tables paint before it
 * arrives. One load serves every chart.
 */
import type { Chart } from 'chart.js';

let loading: Promise<typeof Chart> | null = null;

export function loadChart(): Promise<typeof Chart> {
  loading ??= import('chart.js').then((m) => {
    m.Chart.register(
      m.BarController,
      m.BarElement,
      m.LineController,
      m.LineElement,
      m.PointElement,
      m.CategoryScale,
      m.LinearScale,
      m.Legend,
      m.Tooltip,
    );
    return m.Chart;
  });
  return loading;
}
