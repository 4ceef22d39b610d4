// Builds the Chrome and Firefox packages and the demo feed. Usage: npm run build
import { buildAll } from './lib/build';
import { DIST } from './lib/paths';

await buildAll();
console.log(`Built ${DIST}/chrome, ${DIST}/firefox and ${DIST}/demo`);
