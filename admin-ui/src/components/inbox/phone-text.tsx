import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

const regions = new Intl.DisplayNames(undefined, { type: 'region' });

/**
 * A phone number as people read it: grouped the way its country writes it, with the country named
 * beside it ("+44 20 7946 0958 · United Kingdom"), linked for calling. Text that is not a number (a value
 * stored before numbers were checked) is shown as it is.
 */
export function PhoneText({ value }: { readonly value: string }) {
  const parsed = parsePhoneNumberFromString(value);
  if (!parsed) return <span className="value">{value}</span>;
  const country = parsed.country ? regions.of(parsed.country) : undefined;
  return (
    <span className="value phone">
      <a href={parsed.getURI()}>{parsed.formatInternational()}</a>
      {country && <span className="muted"> · {country}</span>}
    </span>
  );
}
