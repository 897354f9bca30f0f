/**
 * ISO 4217 currency codes a salary can be expressed in: the active list (including the funds codes
 * some countries write contracts in, such as CLF and UYI) plus a few codes withdrawn recently enough
 * that offers may still carry them (HRK, SLL, ZWL, CUC, ANG). Precious metals, testing and "no currency"
 * codes (XAU, XAG, XPD, XPT, XBA–XBD, XTS, XXX) are left out: nobody is paid in them. Kept static rather
 * than read from `Intl` so validation does not depend on the ICU build of the runtime.
 */
const CODES = `
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD
CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW
KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD
NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE
SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED
VES VND VUV WST XAF XCD XCG XDR XOF XPF XSU XUA YER ZAR ZMW ZWG ZWL`;

export const CURRENCY_CODES: ReadonlySet<string> = new Set(CODES.split(/\s+/).filter((c) => c !== ''));

/** True for an upper-case ISO 4217 code from the list above. */
export function isCurrencyCode(value: string): boolean {
  return CURRENCY_CODES.has(value);
}
