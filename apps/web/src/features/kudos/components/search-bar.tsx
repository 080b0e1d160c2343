/** Enter searches; fewer than three characters earns a hint instead. */
import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import { type FormEvent, useState } from 'react';
import { TextInput } from '../../../components/text-input.tsx';
import { SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH } from '../api/search-repos.ts';

/** `query` is the search on screen: the box shows it again after a reload or the back button. */
export function SearchBar({ query, onSearch }: { query: string; onSearch: (query: string) => void }) {
  const [text, setText] = useState(query);
  const [tooShort, setTooShort] = useState(false);
  // A search that changes from outside (the back button) replaces what is typed, during render.
  const [shownQuery, setShownQuery] = useState(query);
  if (query !== shownQuery) {
    setShownQuery(query);
    if (text.trim() !== query) setText(query);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = text.trim();
    if (query.length < SEARCH_MIN_LENGTH) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    onSearch(query);
  }

  return (
    <Box component="form" role="search" noValidate onSubmit={submit} sx={{ mb: 2 }}>
      <TextInput
        label="Search GitHub repositories"
        type="search"
        name="q"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.trim().length >= SEARCH_MIN_LENGTH) setTooShort(false);
        }}
        error={tooShort}
        helperText={
          tooShort
            ? `Type at least ${SEARCH_MIN_LENGTH} characters to search`
            : `Press Enter to search (at least ${SEARCH_MIN_LENGTH} characters)`
        }
        fullWidth
        autoComplete="off"
        liveHelperText
        inputProps={{ maxLength: SEARCH_MAX_LENGTH, enterKeyHint: 'search' }}
        sx={{ bgcolor: 'background.paper' }}
        endAdornment={
          <InputAdornment position="end">
            <IconButton type="submit" aria-label="Search" edge="end">
              <SearchIcon />
            </IconButton>
          </InputAdornment>
        }
      />
    </Box>
  );
}
