/** Writes seeds/catalogue.json from the documents in ../shared/seeds: `npm run catalogue`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue } from './catalogue';
import { ROOT } from './data-files';

const catalogue = buildCatalogue();
writeFileSync(join(ROOT, 'seeds/catalogue.json'), `${JSON.stringify(catalogue, null, 2)}\n`);
const articles = catalogue.documents.reduce((n, d) => n + d.articles.length, 0);
console.log(`catalogue: ${catalogue.documents.length} documents, ${articles} articles → seeds/catalogue.json`);
