/**
 * Writes seeds/catalogue.json and seeds/evidence.json from the documents in ../shared/seeds and the
 * fact sheet in ../shared/research: `npm run catalogue`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue } from './catalogue';
import { ROOT } from './data-files';
import { buildEvidence, EVIDENCE_PATH } from './evidence';

const catalogue = buildCatalogue();
writeFileSync(join(ROOT, 'seeds/catalogue.json'), `${JSON.stringify(catalogue, null, 2)}\n`);
const articles = catalogue.documents.reduce((n, d) => n + d.articles.length, 0);
console.log(`catalogue: ${catalogue.documents.length} documents, ${articles} articles → seeds/catalogue.json`);

const evidence = buildEvidence();
writeFileSync(EVIDENCE_PATH, `${JSON.stringify(evidence)}\n`);
const paragraphs = Object.values(evidence.paragraphs).reduce((n, p) => n + p.length, 0);
console.log(
  `evidence: numbers of ${paragraphs} paragraphs and ${evidence.factSheet.rows.length} fact-sheet rows → seeds/evidence.json`,
);
