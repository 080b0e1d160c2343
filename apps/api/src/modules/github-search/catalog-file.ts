/**
 * Reads a file of repositories into catalog rows: JSON (an array of GitHub
 * search items, or a search answer with `items`) or CSV with the columns
 * id,full_name,owner,name,description,language,stars,... Rows without a
 * GitHub id cannot be keyed (names change, ids do not) and are skipped.
 */
import type { CatalogRepoRow } from '../../db/schema.ts';
import { parseCsv } from './csv.ts';

export class CatalogFileError extends Error {}

export interface CatalogFile {
  rows: CatalogRepoRow[];
  skippedWithoutId: number;
  invalid: number;
  /** The first few reasons for `invalid`, for the operator. */
  problems: string[];
}

/** One row's fields before checking, whatever the file format. */
interface Candidate {
  id: unknown;
  name: unknown;
  full_name: unknown;
  owner_login: unknown;
  description: unknown;
  language: unknown;
  stars: unknown;
  html_url: unknown;
}

const REQUIRED_CSV_COLUMNS = ['id', 'full_name', 'name', 'html_url'];
const MAX_PROBLEMS = 10;

export function readCatalogFile(text: string, fileName: string, seenAt: number): CatalogFile {
  const json = /\.json$/i.test(fileName) || (!/\.csv$/i.test(fileName) && /^\s*[[{]/.test(text));
  const candidates = json ? candidatesFromJson(text) : candidatesFromCsv(text);
  const file: CatalogFile = { rows: [], skippedWithoutId: 0, invalid: 0, problems: [] };
  candidates.forEach((candidate, index) => {
    const checked = checkCandidate(candidate, seenAt);
    if (checked === 'no-id') file.skippedWithoutId += 1;
    else if (typeof checked === 'string') {
      file.invalid += 1;
      if (file.problems.length < MAX_PROBLEMS) file.problems.push(`${json ? 'item' : 'row'} ${index + 1}: ${checked}`);
    } else file.rows.push(checked);
  });
  return file;
}

function candidatesFromJson(text: string): (Candidate | string)[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CatalogFileError(`not valid JSON: ${(error as Error).message}`);
  }
  const items = Array.isArray(data) ? data : (data as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new CatalogFileError('expected an array of GitHub search items, or an object with "items"');
  return items.map((item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'not an object';
    const i = item as Record<string, unknown>;
    const owner = i.owner as { login?: unknown } | null | undefined;
    return {
      id: i.id,
      name: i.name,
      full_name: i.full_name,
      owner_login: owner?.login ?? null,
      description: i.description ?? null,
      language: i.language ?? null,
      stars: i.stargazers_count ?? 0,
      html_url: i.html_url,
    };
  });
}

function candidatesFromCsv(text: string): (Candidate | string)[] {
  const [header, ...records] = parseCsv(text);
  const columns = new Map((header ?? []).map((name, index) => [name.trim(), index]));
  const missing = REQUIRED_CSV_COLUMNS.filter((name) => !columns.has(name));
  if (missing.length > 0) throw new CatalogFileError(`CSV header lacks ${missing.join(', ')}`);
  const cell = (record: string[], name: string) => {
    const index = columns.get(name);
    const value = index === undefined ? undefined : record[index];
    return value === undefined || value === '' ? null : value;
  };
  const width = header?.length ?? 0;
  return records.map((record) => {
    if (record.length !== width) return `has ${record.length} fields where the header has ${width}`;
    return {
      id: cell(record, 'id'),
      name: cell(record, 'name'),
      full_name: cell(record, 'full_name'),
      owner_login: cell(record, 'owner'),
      description: cell(record, 'description'),
      language: cell(record, 'language'),
      stars: cell(record, 'stars') ?? 0,
      html_url: cell(record, 'html_url'),
    };
  });
}

/** A row, 'no-id', or what is wrong with it. */
function checkCandidate(c: Candidate | string, seenAt: number): CatalogRepoRow | 'no-id' | string {
  if (typeof c === 'string') return c;
  if (c.id === null || c.id === undefined || c.id === '') return 'no-id';
  const id = typeof c.id === 'string' && /^\d{1,16}$/.test(c.id) ? Number(c.id) : c.id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) return `id must be a positive integer (got ${JSON.stringify(c.id)})`;
  const stars = typeof c.stars === 'string' && /^\d{1,16}$/.test(c.stars) ? Number(c.stars) : c.stars;
  if (typeof stars !== 'number' || !Number.isSafeInteger(stars) || stars < 0) return 'stars must be a whole number';
  for (const field of ['name', 'full_name', 'html_url'] as const) {
    const value = c[field];
    if (typeof value !== 'string' || value.trim() === '') return `${field} is required`;
  }
  for (const field of ['name', 'full_name', 'html_url', 'owner_login', 'description', 'language'] as const) {
    const value = c[field];
    if (value !== null && typeof value !== 'string') return `${field} must be text`;
    // PostgreSQL text cannot hold NUL.
    if (typeof value === 'string' && value.includes('\u0000')) return `${field} contains a NUL character`;
  }
  // html_url is rendered as a link: only http(s), never javascript: or data:.
  if (!/^https?:\/\/[^\s]+$/i.test(c.html_url as string)) return 'html_url must be an http(s) URL';
  return {
    id,
    name: c.name as string,
    full_name: c.full_name as string,
    owner_login: c.owner_login as string | null,
    description: c.description as string | null,
    language: c.language as string | null,
    stars,
    html_url: c.html_url as string,
    seen_at: seenAt,
  };
}
