// Builds dist/chrome, dist/firefox and dist/demo. Usage: npm run build
import { buildAll } from './lib/build';

await buildAll();
console.log('Built dist/chrome, dist/firefox and dist/demo');
