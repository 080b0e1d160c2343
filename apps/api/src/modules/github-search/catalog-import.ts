/**
 * Fills the catalog from a file, so search can answer offline from the
 * start. All rows commit together: a failed import leaves the catalog as it was.
 */
import type { Database } from '../../db/database.ts';
import { readCatalogFile } from './catalog-file.ts';
import { upsertCatalogRepos } from './catalog.repository.ts';

export interface ImportReport {
  imported: number;
  skippedWithoutId: number;
  invalid: number;
  /** Rows whose id appeared earlier in the file; the last one wins. */
  duplicates: number;
  problems: string[];
}

export async function importCatalogFile(database: Database, text: string, fileName: string, now: number): Promise<ImportReport> {
  const file = readCatalogFile(text, fileName, now);
  const distinct = new Set(file.rows.map((row) => row.id)).size;
  await database.db.transaction().execute((trx) => upsertCatalogRepos(trx, file.rows));
  return {
    imported: distinct,
    skippedWithoutId: file.skippedWithoutId,
    invalid: file.invalid,
    duplicates: file.rows.length - distinct,
    problems: file.problems,
  };
}
