import { describe, expect, it } from 'vitest';
import { benchCharts, chartReport, smokeChartOptions } from '../../bench/chart.ts';

// The chart rows in smoke mode, so `npm run bench:chart` cannot rot unnoticed. No timing is asserted.
describe('the chart benchmark in smoke mode', () => {
  it('draws the charts of real answers as SVG and PNG and reports p50 and p99', async () => {
    const result = await benchCharts(smokeChartOptions());
    expect(result.rows.map((r) => r.row)).toEqual(['chart SVG', 'chart PNG']);
    for (const { stats } of result.rows) expect(stats.n).toBe(3);
    expect(chartReport(result)).toMatch(/\| chart PNG \| 3 \| [\d.]+ \| [\d.]+ \| [\d.]+ \|/);
  });
});
