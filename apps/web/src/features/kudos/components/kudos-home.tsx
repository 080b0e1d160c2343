/**
 * Home: a search bar over two tabs, the user's kudos and the latest search
 * results. The tab, query and page live in the address (?tab=search&q=react&page=2),
 * so a reload, a shared link or the back button shows the same thing.
 */
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { SEARCH_MIN_LENGTH, type SearchParams, searchQueryOptions } from '../api/search-repos.ts';
import { KudosTab } from './kudos-tab.tsx';
import { SearchBar } from './search-bar.tsx';
import { SearchTab } from './search-tab.tsx';

type TabName = 'kudos' | 'search';

function TabPanel({ name, current, children }: { name: TabName; current: TabName; children: ReactNode }) {
  return (
    <Box role="tabpanel" id={`panel-${name}`} aria-labelledby={`tab-${name}`} hidden={name !== current} sx={{ pt: 3 }}>
      {name === current && children}
    </Box>
  );
}

/** What the address says: a query too short to search, or a page that is not a whole number, is ignored. */
function readAddress(address: URLSearchParams): { tab: TabName; search: SearchParams | null } {
  const tab = address.get('tab') === 'search' ? 'search' : 'kudos';
  const q = (address.get('q') ?? '').trim();
  const page = /^[1-9][0-9]{0,3}$/.test(address.get('page') ?? '') ? Number(address.get('page')) : 1;
  return { tab, search: q.length >= SEARCH_MIN_LENGTH ? { q, page } : null };
}

function toAddress(tab: TabName, search: SearchParams | null): URLSearchParams {
  const address = new URLSearchParams({ tab });
  if (search) address.set('q', search.q);
  if (search && search.page > 1) address.set('page', String(search.page));
  return address;
}

export function KudosHome() {
  const [address, setAddress] = useSearchParams();
  const { tab, search } = readAddress(address);
  const queryClient = useQueryClient();

  function runSearch(q: string) {
    const params = { q, page: 1 };
    // Asking again for the same thing means "look again", not "show me what you have".
    void queryClient.invalidateQueries({ queryKey: searchQueryOptions(params).queryKey });
    setAddress(toAddress('search', params));
  }

  return (
    <Container component="main" maxWidth="lg" sx={{ py: 3 }}>
      <SearchBar query={search?.q ?? ''} onSearch={runSearch} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tabs
          value={tab}
          onChange={(_event, value: TabName) => setAddress(toAddress(value, search), { replace: true })}
          aria-label="Kudos and search results"
        >
          <Tab label="Kudos" value="kudos" id="tab-kudos" aria-controls="panel-kudos" />
          <Tab label="Search" value="search" id="tab-search" aria-controls="panel-search" />
        </Tabs>
      </Box>
      <TabPanel name="kudos" current={tab}>
        <KudosTab />
      </TabPanel>
      <TabPanel name="search" current={tab}>
        <SearchTab
          params={search}
          onPage={(page) => {
            if (!search) return;
            setAddress(toAddress('search', { ...search, page }));
            window.scrollTo({ top: 0 });
          }}
        />
      </TabPanel>
    </Container>
  );
}
