import { loadDataset } from './src/data/dataset.ts';
import { BUNDLED_DATA_DIR } from './src/engine.ts';
import { MetricMatcher, rankMetrics } from './src/understand/metrics.ts';
const d = loadDataset(BUNDLED_DATA_DIR);
const m = new MetricMatcher(d.measures, d.outcomes);
const mention = m.find(process.argv[2] ?? '');
console.log([...mention.measures], [...mention.outcomes], [...mention.loose]);
console.log(rankMetrics(d.metrics, mention, { share: false, defaultMeasure: 'complaint-allegations' }).slice(0, 6).map((c) => `${c.metric.id} ${c.score}`));
