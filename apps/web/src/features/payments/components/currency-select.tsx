/** The currency, as a native select: the phone's own picker, and keyboard use for free. */
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import NativeSelect from '@mui/material/NativeSelect';
import OutlinedInput from '@mui/material/OutlinedInput';
import { useId } from 'react';
import { CURRENCIES } from '../payment-status.ts';

export function CurrencySelect({ value, onChange, error }: { value: string; onChange: (currency: string) => void; error?: boolean }) {
  const id = useId();
  return (
    <FormControl variant="outlined" error={error} sx={{ minWidth: 110 }}>
      <InputLabel htmlFor={id} shrink>
        Currency
      </InputLabel>
      <NativeSelect
        value={value}
        onChange={(event) => onChange(event.target.value)}
        input={<OutlinedInput id={id} label="Currency" notched name="currency" />}
      >
        {CURRENCIES.map((currency) => (
          <option key={currency} value={currency}>
            {currency}
          </option>
        ))}
      </NativeSelect>
    </FormControl>
  );
}
