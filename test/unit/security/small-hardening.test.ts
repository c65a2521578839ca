import { describe, expect, it } from 'vitest';
import { buildCsv } from '../../../src/server/http/spreadsheet';
import { redactUrl } from '../../../src/server/app';
import { escapeHtml } from '../../../src/web/shared/escape-html';
import { networkTooltip } from '../../../src/web/features/policy/network-tooltip';
import { parseTrustProxy } from '../../../src/config';
import { delayAfterFailures } from '../../../src/server/modules/auth/login-throttle';

describe('CSV cells that a spreadsheet would run are neutralised', () => {
  it('lets a formula starting with a negative number not through, and keeps real numbers', () => {
    const csv = buildCsv(
      [{ header: { nl: 'v', en: 'v' }, value: (r: { v: string | number }) => r.v }],
      [{ v: "-2+3+cmd|' /C calc'!A0" }, { v: '-12.5' }, { v: -7 }, { v: '@SUM(A1)' }, { v: '\t=1+1' }],
    );
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      `'-2+3+cmd|' /C calc'!A0`,
      '-12.5',
      '-7',
      "'@SUM(A1)",
      `'\t=1+1`,
    ]);
  });
});

describe('HTML from data never reaches the chart tooltip as markup', () => {
  it('escapes names', () => {
    expect(escapeHtml(`<img src=x onerror="alert(1)">&'`)).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;',
    );
    expect(
      networkTooltip({ dataType: 'node', data: { name: '<b>Acme</b>', clusters: ['<script>x</script>'] } }),
    ).toBe('&lt;b&gt;Acme&lt;/b&gt;<br/>&lt;script&gt;x&lt;/script&gt;');
  });
});

describe('secrets in URLs are redacted for the log', () => {
  it('hides calendar tokens in the path and token query parameters', () => {
    expect(redactUrl('/api/partnership/calendar/abc123SECRET.ics')).toBe(
      '/api/partnership/calendar/[redacted].ics',
    );
    expect(redactUrl('/api/x?token=SECRET&y=1')).toBe('/api/x?token=[redacted]&y=1');
    expect(redactUrl('/api/auth/oidc/staff/callback?code=ONE-TIME&state=FLOW')).toBe(
      '/api/auth/oidc/staff/callback?code=[redacted]&state=[redacted]',
    );
    expect(redactUrl('/api/partnership/calendar-token')).toBe('/api/partnership/calendar-token');
  });
});

describe('configuration', () => {
  it('reads TRUST_PROXY as a hop count or a proxy list, never "trust everyone"', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.1, 10.1.0.0/16')).toEqual(['10.0.0.1', '10.1.0.0/16']);
    expect(() => parseTrustProxy('everyone')).toThrow(/TRUST_PROXY/);
  });
  it('grows login delays from one second to the cap', () => {
    const rule = { freeFailures: 5, maxDelaySeconds: 60 };
    expect([4, 5, 6, 7, 11, 12, 40].map((n) => delayAfterFailures(n, rule))).toEqual([
      0, 1, 2, 4, 60, 60, 60,
    ]);
  });
});
