/**
 * Writes templates/<id>.json from the definitions under defs/: `npm run templates [-- id ...]`.
 * The definitions are the source; never edit a template's JSON by hand (the unit tests compare it
 * with what its definition builds).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { templateJson } from './builder';
import { DEFS } from './defs/index';

const root = join(import.meta.dirname, '..', '..');
const wanted = process.argv.slice(2);
for (const def of DEFS) {
  if (wanted.length && !wanted.includes(def.id)) continue;
  const path = join('templates', `${def.id}.json`);
  writeFileSync(join(root, path), templateJson(def));
  console.log(`${path}: ${def.nodes.length + def.zones.length} nodes, ${def.edges.length} edges`);
}
