/** Home: a search bar over two tabs, the user's kudos and the latest search results. */
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { type SearchParams, searchQueryOptions } from '../api/search-repos.ts';
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

export function KudosHome() {
  const [tab, setTab] = useState<TabName>('kudos');
  const [search, setSearch] = useState<SearchParams | null>(null);
  const queryClient = useQueryClient();

  function runSearch(q: string) {
    const params = { q, page: 1 };
    // Asking again for the same thing means "look again", not "show me what you have".
    void queryClient.invalidateQueries({ queryKey: searchQueryOptions(params).queryKey });
    setSearch(params);
    setTab('search');
  }

  return (
    <Container component="main" maxWidth="lg" sx={{ py: 3 }}>
      <SearchBar onSearch={runSearch} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tabs value={tab} onChange={(_event, value: TabName) => setTab(value)} aria-label="Kudos and search results">
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
            setSearch({ ...search, page });
            window.scrollTo({ top: 0 });
          }}
        />
      </TabPanel>
    </Container>
  );
}
