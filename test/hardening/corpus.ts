/**
 * The hostile-input corpus: ONE list of what strangers type into a widget or send to the server,
 * shared by the browser tests (test/hardening/*.test.ts) and the server tests
 * (server/test/hostile.test.ts). No imports, no DOM, no Node APIs: it loads everywhere.
 *
 * Every payload that could execute sets `window.__pwned` (see `PWNED`) when it does, so a test
 * only has to install a trap for that one name.
 *
 * - `HOSTILE_STRINGS`: text for every text field (script tags, `javascript:`/`data:`/`vbscript:`
 *   URLs, event-handler attributes, SVG, `<img onerror>`, bidi overrides, zero-width characters,
 *   a 1 MB string, lone surrogates, NUL, CRLF injection…).
 * - `HOSTILE_VALUES`: JSON values of the wrong shape for any field (very deep nesting,
 *   prototype-pollution keys, huge numbers, wrong types).
 * - `HOSTILE_BODIES`: raw request bodies that are not even a sane JSON document (deep nesting
 *   as text, `__proto__` keys that `JSON.parse` keeps as own properties, invalid UTF-8).
 */

/** The global every executable payload writes; a test traps it and expects it untouched. */
export const PWNED = '__pwned';

export interface HostileString {
  /** Short name for test titles and failure messages. */
  readonly name: string;
  readonly value: string;
  /** True when the value is a link a renderer must never turn into a clickable `href`. */
  readonly badUrl?: boolean;
}

const pwn = (n: number) => `window.${PWNED}=${n}`;

/** 1 MiB of text: larger than any field allows and than the server's JSON body limit. */
export const MEGABYTE = 1024 * 1024;

const strings: HostileString[] = [
  { name: 'script tag', value: `<script>${pwn(1)}</script>` },
  { name: 'script tag, closing a textarea first', value: `</textarea></title><script>${pwn(2)}</script>` },
  { name: 'img onerror', value: `<img src=x onerror="${pwn(3)}">` },
  { name: 'svg onload', value: `<svg onload="${pwn(4)}"><circle r="5"/></svg>` },
  { name: 'svg with script', value: `<svg xmlns="http://www.w3.org/2000/svg"><script>${pwn(5)}</script></svg>` },
  { name: 'iframe srcdoc', value: `<iframe srcdoc="<script>parent.${PWNED}=6</script>"></iframe>` },
  { name: 'event attribute breaking out of a double-quoted attribute', value: `" autofocus onfocus="${pwn(7)}" x="` },
  { name: 'event attribute breaking out of a single-quoted attribute', value: `' onmouseover='${pwn(8)}' x='` },
  { name: 'body onload', value: `<body onload=${pwn(9)}>` },
  { name: 'details ontoggle', value: `<details open ontoggle=${pwn(10)}>` },
  { name: 'anchor with javascript: href', value: `<a href="javascript:${pwn(11)}">click</a>` },
  { name: 'javascript: URL', value: `javascript:${pwn(12)}`, badUrl: true },
  { name: 'javascript: URL, mixed case with whitespace', value: ` JaVaScRiPt:${pwn(13)}`, badUrl: true },
  { name: 'javascript: URL with a tab inside the scheme', value: `java\tscript:${pwn(14)}`, badUrl: true },
  { name: 'javascript: URL, entity-encoded', value: `&#106;avascript:${pwn(15)}`, badUrl: true },
  { name: 'data: URL with HTML', value: `data:text/html,<script>${pwn(16)}</script>`, badUrl: true },
  { name: 'data: URL with base64 SVG', value: 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3B3bmVkPTE3Ij48L3N2Zz4=', badUrl: true },
  { name: 'vbscript: URL', value: 'vbscript:msgbox(18)', badUrl: true },
  { name: 'https URL with an attribute breakout', value: `https://ok.example/"onmouseover="${pwn(19)}` },
  { name: 'markdown link to javascript:', value: `[click](javascript:${pwn(20)})` },
  { name: 'template and expression syntax', value: `\${${pwn(21)}} {{constructor.constructor('${pwn(22)}')()}} <%= 23 %>` },
  { name: 'style with expression and import', value: '<style>@import "https://evil.example/x.css";*{background:url(javascript:alert(24))}</style>' },
  { name: 'meta refresh', value: '<meta http-equiv="refresh" content="0;url=javascript:alert(25)">' },
  { name: 'base tag', value: '<base href="https://evil.example/">' },
  { name: 'HTML entities that decode to markup', value: '&lt;script&gt;alert(26)&lt;/script&gt; &#x3C;img src=x onerror=alert(27)&#x3E;' },
  { name: 'Unicode bidi override (RLO)', value: 'Rechnung\u202Efdp.exe' },
  { name: 'every bidi embedding, override and isolate', value: 'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j' },
  { name: 'zero-width characters', value: 'a\u200Bd\u200Cm\u200Di\u2060n\uFEFF' },
  { name: 'only zero-width and bidi characters', value: '\u200B\u202E\u200D\uFEFF\u2066' },
  { name: 'lone high surrogate', value: 'x\uD800y' },
  { name: 'lone low surrogate', value: '\uDC00start' },
  { name: 'reversed surrogate pair', value: 'end\uDE00\uD83D' },
  { name: 'NUL and other control characters', value: 'a\u0000b\u0007c\u001Bd\u007Fe\u0085f' },
  { name: 'CRLF header injection', value: 'x\r\nSet-Cookie: pwned=1\r\n\r\n<script>' + pwn(28) + '</script>' },
  { name: 'CRLF iCalendar injection', value: 'Feier\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected\r\nURL:javascript:alert(29)' },
  { name: 'SQL injection', value: "'; DROP TABLE posts; -- \" OR 1=1 --" },
  { name: 'path traversal', value: '../../../../etc/passwd%00.png' },
  { name: 'prototype-pollution key as text', value: '__proto__' },
  { name: 'constructor key as text', value: 'constructor' },
  { name: 'combining characters (Zalgo)', value: 'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A'.repeat(40) },
  { name: 'emoji with ZWJ sequences', value: '👩‍👩‍👧‍👦🏳️‍🌈 Grüße aus Köln' },
  { name: 'whitespace only', value: ' \t\u00A0\u2003\u3000 ' },
  { name: 'very long line (10,001 characters)', value: 'W'.repeat(10_001) },
  { name: '1 MB string', value: '<b>'.padEnd(MEGABYTE, 'x') },
];

export const HOSTILE_STRINGS: readonly HostileString[] = Object.freeze(strings.map((s) => Object.freeze(s)));

/** A small, fast subset for places where every entry costs a full round-trip in a UI. */
export const HOSTILE_STRINGS_SHORT: readonly HostileString[] = HOSTILE_STRINGS.filter((s) => s.value.length <= 20_000);

/** Nested arrays `depth` deep, built without recursion. */
export function deepArray(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Nested objects `depth` deep, built without recursion. */
export function deepObject(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

export interface HostileValue {
  readonly name: string;
  /** Any JSON value; `JSON.stringify` handles it (nesting stays below engine stack limits). */
  readonly value: unknown;
}

/** Values of the wrong shape, for any field of a JSON body or any schema. */
export const HOSTILE_VALUES: readonly HostileValue[] = Object.freeze([
  { name: 'deep array (1,000 levels)', value: deepArray(1000) },
  { name: 'deep object (1,000 levels)', value: deepObject(1000) },
  { name: '__proto__ key', value: JSON.parse('{"__proto__":{"polluted":"yes"},"a":1}') },
  { name: 'constructor.prototype key', value: { constructor: { prototype: { polluted: 'yes' } } } },
  { name: 'null', value: null },
  { name: 'true', value: true },
  { name: 'number beyond 2^53', value: 9_007_199_254_740_993 },
  { name: 'negative number', value: -1 },
  { name: 'fraction', value: 0.5 },
  { name: 'huge exponent', value: 1e308 },
  { name: 'empty array', value: [] },
  { name: 'empty object', value: {} },
  { name: 'array of hostile strings', value: [`<script>${pwn(30)}</script>`, `javascript:${pwn(31)}`] },
  { name: '10,000-element array', value: Array.from({ length: 10_000 }, (_, i) => `x${i}`) },
].map((v) => Object.freeze(v)));

export interface HostileBody {
  readonly name: string;
  readonly body: string | Uint8Array;
}

/** Raw JSON request bodies a hand-written client could send. */
export function hostileBodies(): HostileBody[] {
  const depth = 100_000;
  return [
    { name: 'array nested 100,000 levels', body: '['.repeat(depth) + ']'.repeat(depth) },
    { name: 'object nested 100,000 levels', body: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) },
    { name: '__proto__ at the top', body: '{"__proto__":{"polluted":"yes","isAdmin":true},"id":"x"}' },
    { name: 'constructor.prototype at the top', body: '{"constructor":{"prototype":{"polluted":"yes"}},"id":"x"}' },
    { name: 'duplicate keys', body: '{"id":"a","id":"b","id":{"__proto__":{"polluted":"yes"}}}' },
    { name: 'lone surrogate escapes', body: '{"id":"\\ud800","title":"\\udc00\\ud800","body":"x\\u0000y"}' },
    { name: 'invalid UTF-8 bytes', body: new Uint8Array([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]) },
    { name: 'UTF-8 byte order mark', body: '\uFEFF{"id":"x"}' },
    { name: 'NUL bytes', body: '{"id":"x"}\u0000\u0000' },
    { name: 'a bare string', body: '"<script>alert(1)</script>"' },
    { name: 'a number', body: '1e999' },
    { name: 'empty', body: '' },
  ];
}

/** True when `value` contains any bidi control (override, embedding, isolate). */
export const hasBidiControl = (value: string): boolean => /[\u202A-\u202E\u2066-\u2069]/.test(value);

/** True when `value` contains a lone surrogate (not well-formed UTF-16). */
export const hasLoneSurrogate = (value: string): boolean => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);

/** True when `value` contains NUL or another C0/C1 control other than tab, LF and CR. */
export const hasControlChar = (value: string): boolean => /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(value);
