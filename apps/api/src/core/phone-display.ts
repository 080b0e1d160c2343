/** Phone numbers as people write them, for every feature that shows one. */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A stored E.164 number with its country's grouping: "+447700900123" is "+44 7700 900123". */
export function displayPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
