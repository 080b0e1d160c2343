/** The account's phone number: enter it, prove it with the texted code, change it. */
import VerifiedIcon from '@mui/icons-material/Verified';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Section } from '../../../components/section.tsx';
import { usePhone } from '../api/get-phone.ts';
import { PhoneCodeForm } from './phone-code-form.tsx';
import { PhoneForm } from './phone-form.tsx';

export interface RefusedPhone {
  phone: string;
  message: string;
}

export function PhoneSection({ refused }: { refused?: RefusedPhone }) {
  const phone = usePhone();
  const [editing, setEditing] = useState(false);
  const [showRefused, setShowRefused] = useState(Boolean(refused));
  const status = phone.data;

  const chip = status?.phone ? (
    status.verified ? (
      <Chip icon={<VerifiedIcon />} label="Verified" color="success" />
    ) : (
      <Chip label="Not verified" color="warning" variant="outlined" />
    )
  ) : undefined;

  function body() {
    if (phone.isPending) return <Skeleton variant="rounded" height={56} aria-label="Loading your phone number" />;
    if (phone.isError) return <ErrorAlert title="Could not load your phone number" error={phone.error} onRetry={() => void phone.refetch()} />;
    const data = phone.data;
    if (showRefused && refused && !data.phone) {
      return <PhoneForm initialPhone={refused.phone} initialError={refused.message} onSent={() => setShowRefused(false)} />;
    }
    if (!data.phone || editing) {
      return (
        <PhoneForm
          initialPhone={editing ? (data.phone ?? '') : ''}
          onCancel={editing ? () => setEditing(false) : undefined}
          onSent={() => setEditing(false)}
        />
      );
    }
    const resendAt = data.resend_after !== null ? phone.dataUpdatedAt + data.resend_after * 1000 : null;
    return (
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography sx={{ fontSize: '1.15rem', fontWeight: 600 }}>{data.phone_display ?? data.phone}</Typography>
          <Button size="small" onClick={() => setEditing(true)}>
            Change number
          </Button>
        </Stack>
        {data.verified ? (
          <Typography color="text.secondary">Payments you send are confirmed on this number when your phone can’t approve them.</Typography>
        ) : (
          <PhoneCodeForm phone={data.phone_display ?? data.phone} toOutbox={data.sms_outbox} resendAt={resendAt} />
        )}
      </Stack>
    );
  }

  return (
    <Section title="Phone number" action={<Box role="status">{chip}</Box>}>
      {body()}
    </Section>
  );
}
