/** Chart specs the chart tests draw: a trend of published figures, and a ranking with one of ours. */
import type { ChartSpec } from '../../../src/chart/index.ts';

export const TREND: ChartSpec = {
  kind: 'line',
  title: 'Complaint cases logged, England and Wales, 2020-21 to 2024-25',
  subtitle: 'Up 27,208 (40.2%) from 2020-21 to 2024-25 (our calculation)',
  axes: { category: { label: 'Financial year (April to March)' }, value: { label: 'Complaint cases logged', unit: 'number' } },
  unit: 'count',
  points: [
    { label: '2020-21', value: 67_732, computed: false, citations: [1] },
    { label: '2021-22', value: 75_020, computed: false, citations: [2] },
    { label: '2022-23', value: 81_142, computed: false, citations: [2] },
  ],
  citations: [
    { n: 1, source: 'Wired-Gov, News report on IOPC police complaints figures, 2020-21', url: 'https://example.org/a' },
    { n: 2, source: 'Independent Office for Police Conduct, Police complaints statistics, Table 1', url: 'https://example.org/b' },
  ],
  source: 'Sources: Wired-Gov [1]; Independent Office for Police Conduct, Police complaints statistics, Table 1 [2]',
  altText: 'Line chart. Complaint cases logged rose from 67,732 in 2020-21 to 81,142 in 2022-23.',
};

export const RATES: ChartSpec = {
  kind: 'bar',
  title: 'Misconduct allegations per 1,000 workforce, 2021-22',
  axes: { category: { label: 'Police force' }, value: { label: 'Misconduct allegations', unit: 'per 1,000 workforce' } },
  unit: 'count',
  points: [
    { label: 'Hertfordshire Constabulary', value: 512.3, computed: true, working: '1,972 ÷ 3,849 × 1,000 = 512.3', citations: [1, 3] },
    { label: 'Hampshire, "Isle of Wight"', value: 391.4, computed: false, citations: [2] },
  ],
  citations: [
    { n: 1, source: 'Hemel Today, News report on Home Office police misconduct figures', url: 'https://example.org/herts' },
    { n: 2, source: '=HYPERLINK("https://evil.example"), a title that looks like a formula', url: 'https://example.org/hants' },
    { n: 3, source: 'BBC Shared Data Unit, workforce figures', url: 'https://example.org/bbc' },
  ],
  source: 'Sources: Hemel Today [1]; a publisher [2]; BBC Shared Data Unit [3]',
  altText: 'Bar chart. Hertfordshire 512.3 per 1,000 workforce (our calculation); Hampshire 391.4.',
};
