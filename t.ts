import { loadEngine } from './src/index.ts';
import { parseQuestion } from './src/understand/question.ts';
import { loadDataset } from './src/data/dataset.ts';
import { BUNDLED_DATA_DIR } from './src/engine.ts';
import { ForceResolver } from './src/understand/forces.ts';
import { MetricMatcher } from './src/understand/metrics.ts';
const d = loadDataset(BUNDLED_DATA_DIR);
const r = new ForceResolver(d.forces, d.outside); const m = new MetricMatcher(d.measures, d.outcomes);
for (const q of process.argv.slice(2)) { const p = parseQuestion(q, r, m); console.log(q, p.type, p.forceIds, JSON.stringify(p.forces.spans), [...p.metrics.measures], [...p.metrics.outcomes], p.metrics.words.join(' '), JSON.stringify(p.periods.asks)); }
