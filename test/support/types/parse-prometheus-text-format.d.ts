// The package ships no types; it returns metric families as plain objects (see its README).
declare module 'parse-prometheus-text-format' {
  export default function parsePrometheusTextFormat(text: string): unknown[];
}
