/**
 * The recorded GitHub data the fake answers from: the items of three real
 * search responses, merged, and the error bodies GitHub is known to send.
 */
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const RECORDINGS = [
  'r-webdev__webdev-support-bot__response.json',
  'luisFilipePT__github-covid-finder__mockRepos.json',
  'DawChihLiou__top-starred-repos__response.json',
];

export interface RecordedItem {
  id: number;
  name: string;
  full_name: string;
  owner: { login: string } | null;
  description: string | null;
  language: string | null;
  topics?: string[];
  [field: string]: unknown;
}

export type ErrorCase =
  | 'q missing/empty'
  | 'q longer than 256 characters'
  | 'page beyond the 1000-result cap'
  | 'qualifier not valid for this search type'
  | 'user:/repo:/org: that does not exist or is not accessible'
  | 'secondary rate limit'
  | 'primary rate limit (unauthenticated)';

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
}

/** Every recorded item once (the first recording that holds an id wins), in recorded order. */
export function loadRecordedItems(): RecordedItem[] {
  const byId = new Map<number, RecordedItem>();
  for (const name of RECORDINGS) {
    const { items } = readJson(name) as { items: RecordedItem[] };
    for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  }
  return [...byId.values()];
}

export function loadErrorBodies(): Map<ErrorCase, unknown> {
  const cases = readJson('errors-observed.json') as { case: ErrorCase; body: unknown }[];
  return new Map(cases.map((c) => [c.case, c.body]));
}
