/** Writes templates/<id>.json from the definitions under defs/: `npx tsx scripts/templates-b/build.ts [id ...]`. */
import { writeFileSync } from 'node:fs';
import { buildTemplate } from '../templates/layout';
import { DEFS } from './defs/index';

const wanted = process.argv.slice(2);
for (const def of DEFS) {
  if (wanted.length && !wanted.includes(def.id)) continue;
  const path = `templates/${def.id}.json`;
  writeFileSync(path, JSON.stringify(buildTemplate(def), null, 2) + '\n');
  console.log(`${path}: ${def.nodes.length + def.zones.length} nodes, ${def.edges.length} edges`);
}
