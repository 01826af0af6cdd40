import { syntheticDaemonSets, syntheticInventoryJson } from './synthetic-cluster';
import { evaluatePlacement } from '../lib';
const ds = syntheticDaemonSets(100); const text = syntheticInventoryJson(Number(process.env.N ?? 1000));
const nodes = JSON.parse(text);
for (let i = 0; i < 15; i++) { const t = process.hrtime.bigint(); evaluatePlacement(ds, nodes); console.log('eval', Number(process.hrtime.bigint() - t) / 1e6); }
