// Colours shared by the drawn formats, so Mermaid and DOT exports of one register look alike.

/** Node fill by zone trust 0 (untrusted) … 4 (admin): warm for exposed, cool for sensitive. */
export const TRUST_FILL: readonly string[] = ['#f8d7da', '#ffe8cc', '#fff9db', '#d0ebff', '#e5dbff'];
export const TRUST_STROKE: readonly string[] = ['#c92a2a', '#e8590c', '#f08c00', '#1971c2', '#6741d9'];
export const CUT_COLOUR = '#e03131';
export const PATH_COLOUR = '#1c7ed6';
export const GATEWAY_STROKE = '#2b8a3e';
