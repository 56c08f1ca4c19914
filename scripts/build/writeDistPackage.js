// The compiled hub and agent keep their `#schema/…` imports as written. Node resolves such an import with the
// nearest package.json, so dist/ gets one of its own that maps them to the compiled schema instead of the sources.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const distPackage = { type: 'module', private: true, imports: { '#schema/*': './schema/*.js' } };
writeFileSync(join(import.meta.dirname, '../../dist/package.json'), `${JSON.stringify(distPackage, null, 2)}\n`);
