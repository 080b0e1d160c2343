/**
 * Imports repositories into the search catalog of the configured database:
 *   npm run catalog:import -- <file.json | file.csv>
 */
import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrations.ts';
import { CatalogFileError } from '../modules/github-search/catalog-file.ts';
import { importCatalogFile } from '../modules/github-search/catalog-import.ts';
import { CsvError } from '../modules/github-search/csv.ts';

async function main(): Promise<number> {
  const fileName = process.argv[2];
  if (!fileName || process.argv.length > 3) {
    console.error('usage: npm run catalog:import -- <file.json | file.csv>');
    return 2;
  }
  const config = loadConfig();
  let text: string;
  try {
    text = readFileSync(fileName, 'utf8');
  } catch (error) {
    console.error(`cannot read ${fileName}: ${(error as Error).message}`);
    return 2;
  }
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database);
    const report = await importCatalogFile(database, text, fileName, Date.now());
    console.log(
      `imported ${report.imported}, skipped without id ${report.skippedWithoutId}, invalid ${report.invalid}` +
        (report.duplicates > 0 ? `, duplicates ${report.duplicates}` : ''),
    );
    for (const problem of report.problems) console.log(`  invalid ${problem}`);
    return 0;
  } finally {
    await database.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const expected = error instanceof ConfigError || error instanceof CatalogFileError || error instanceof CsvError;
    console.error(expected ? `catalog import failed: ${(error as Error).message}` : error);
    process.exit(expected ? 2 : 1);
  },
);
