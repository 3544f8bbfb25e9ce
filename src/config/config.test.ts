import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const trust = (value: string | undefined) => loadConfig({ TOLLGATE_TRUST_PROXY: value }).trustProxy;

describe('TOLLGATE_TRUST_PROXY', () => {
  it('is off when unset, empty, 0, false or no', () => {
    for (const v of [undefined, '', '0', 'false', 'no', ' NO ']) expect(trust(v), String(v)).toBe(false);
  });

  it('reads a number as the count of proxy hops in front; the old flag value 1 is one hop', () => {
    expect(trust('1')).toBe(1);
    expect(trust('2')).toBe(2);
  });

  it('reads a comma-separated list of proxy addresses, networks and proxy-addr names', () => {
    expect(trust('10.0.0.5')).toEqual(['10.0.0.5']);
    expect(trust('10.0.0.5, 10.1.0.0/16 ,::1,fd00::/8,loopback')).toEqual(['10.0.0.5', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback']);
  });

  it('refuses "any proxy" (true, yes) and anything else, naming the variable', () => {
    for (const v of ['true', 'yes', 'TRUE']) {
      expect(() => trust(v), v).toThrow(ConfigError);
      expect(() => trust(v), v).toThrow(/TOLLGATE_TRUST_PROXY: trusting any proxy is no longer possible/);
    }
    for (const v of ['proxy.example.com', '10.0.0.0/33', '::1/129', '10.0.0.5,', '1.5', '-1', '10.0.0.0/8/1', '300.0.0.1']) {
      expect(() => trust(v), v).toThrow(/TOLLGATE_TRUST_PROXY: must be a number of proxy hops/);
    }
  });
});

describe('TOLLGATE_NOW', () => {
  const now = (value: string | undefined) => loadConfig({ TOLLGATE_NOW: value }).now;

  it('is the machine clock when unset or empty', () => {
    expect(now(undefined)).toBeUndefined();
    expect(now('')).toBeUndefined();
  });

  it('reads an ISO instant with its offset', () => {
    expect(now('2026-10-01T09:00:00+08:00')?.toISOString()).toBe('2026-10-01T01:00:00.000Z');
    expect(now('2026-03-29T00:59:59Z')?.toISOString()).toBe('2026-03-29T00:59:59.000Z');
  });

  it('refuses a date without a time or an offset, nonsense, and instants outside 2000–2099, naming the variable', () => {
    for (const v of ['2026-10-01', '2026-10-01T09:00:00', 'tomorrow', '2026-02-30T00:00:00Z']) {
      expect(() => now(v), v).toThrow(/TOLLGATE_NOW: must be an ISO instant with its offset/);
    }
    for (const v of ['1999-12-31T23:59:59Z', '2100-01-01T00:00:00Z']) {
      expect(() => now(v), v).toThrow(/TOLLGATE_NOW: must lie from 2000-01-01 to 2099-12-31/);
    }
  });
});

describe('TOLLGATE_WARM_HOLIDAYS', () => {
  it('is on unless turned off', () => {
    for (const v of [undefined, '', '1', 'true', 'yes'])
      expect(loadConfig({ TOLLGATE_WARM_HOLIDAYS: v }).warmHolidays, String(v)).toBe(true);
    for (const v of ['0', 'false', 'no']) expect(loadConfig({ TOLLGATE_WARM_HOLIDAYS: v }).warmHolidays, v).toBe(false);
    expect(() => loadConfig({ TOLLGATE_WARM_HOLIDAYS: 'sometimes' })).toThrow(/TOLLGATE_WARM_HOLIDAYS/);
  });
});

describe('LOG_FORMAT', () => {
  it('is text (lines for people) unless json is asked for', () => {
    expect(loadConfig({}).logFormat).toBe('text');
    expect(loadConfig({ LOG_FORMAT: 'text' }).logFormat).toBe('text');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
  });

  it('refuses anything else, naming the variable and the choices', () => {
    for (const v of ['JSON', 'pretty', '']) expect(() => loadConfig({ LOG_FORMAT: v }), v).toThrow(/LOG_FORMAT: must be text .* or json/);
  });
});

describe('TOLLGATE_HTTP_TIMEOUT_MS', () => {
  it('is how long the command line waits for a server: 30 s unless set, from 1 s to 10 min', () => {
    expect(loadConfig({}).httpTimeoutMs).toBe(30_000);
    expect(loadConfig({ TOLLGATE_HTTP_TIMEOUT_MS: '120000' }).httpTimeoutMs).toBe(120_000);
    for (const v of ['999', '600001', 'soon', '1.5'])
      expect(() => loadConfig({ TOLLGATE_HTTP_TIMEOUT_MS: v }), v).toThrow(/TOLLGATE_HTTP_TIMEOUT_MS/);
  });
});

describe('TOLLGATE_EVIDENCE_MAX_BYTES', () => {
  it('is the largest evidence file taken: 25 MB unless set, from 1 byte to 256 MB', () => {
    expect(loadConfig({}).evidenceMaxBytes).toBe(26_214_400);
    expect(loadConfig({ TOLLGATE_EVIDENCE_MAX_BYTES: '1048576' }).evidenceMaxBytes).toBe(1_048_576);
    for (const v of ['0', '268435457', 'big', '1.5', '-1'])
      expect(() => loadConfig({ TOLLGATE_EVIDENCE_MAX_BYTES: v }), v).toThrow(/TOLLGATE_EVIDENCE_MAX_BYTES/);
  });
});

describe('live updates and the readiness sweep', () => {
  it('poll every 2 s, hold 500 streams an instance and 5 a person, sweep every 10 minutes by default', () => {
    const c = loadConfig({});
    expect(c.events).toEqual({ pollMs: 2_000, streams: 500, streamsPerPerson: 5 });
    expect(c.readinessSweepMs).toBe(600_000);
  });

  it('refuses values outside their ranges, naming the variable', () => {
    expect(() => loadConfig({ TOLLGATE_EVENTS_POLL_MS: '50' })).toThrow(/TOLLGATE_EVENTS_POLL_MS/);
    expect(() => loadConfig({ TOLLGATE_EVENT_STREAMS_PER_PERSON: '0' })).toThrow(/TOLLGATE_EVENT_STREAMS_PER_PERSON/);
    expect(() => loadConfig({ TOLLGATE_EVENT_STREAMS: 'many' })).toThrow(/TOLLGATE_EVENT_STREAMS/);
    expect(() => loadConfig({ TOLLGATE_READINESS_SWEEP_MS: '-1' })).toThrow(/TOLLGATE_READINESS_SWEEP_MS/);
    expect(loadConfig({ TOLLGATE_READINESS_SWEEP_MS: '0', TOLLGATE_EVENT_STREAMS: '0' })).toMatchObject({
      readinessSweepMs: 0,
      events: { streams: 0 },
    });
  });
});

describe('background jobs', () => {
  it('run beside HTTP by default; TOLLGATE_JOBS=off serves HTTP only; anything else is refused', () => {
    expect(loadConfig({}).jobs).toBe(true);
    expect(loadConfig({ TOLLGATE_JOBS: 'off' }).jobs).toBe(false);
    expect(loadConfig({ TOLLGATE_JOBS: 'on' }).jobs).toBe(true);
    expect(() => loadConfig({ TOLLGATE_JOBS: 'yes' })).toThrow(/TOLLGATE_JOBS: must be on/);
  });
});

describe('e-mail (TOLLGATE_SMTP_URL, TOLLGATE_MAIL_FROM, TOLLGATE_OUTBOX_POLL_MS)', () => {
  const smtp = 'smtp://user:secret@mail.example.com:587';
  const pub = 'https://tollgate.example.com';

  it('is off without an SMTP URL, and polls every 5 s by default', () => {
    const c = loadConfig({});
    expect(c.mail).toBeUndefined();
    expect(c.outboxPollMs).toBe(5_000);
  });

  it('is on with an smtp:// or smtps:// URL, a From address and a public URL', () => {
    expect(
      loadConfig({ TOLLGATE_SMTP_URL: smtp, TOLLGATE_MAIL_FROM: 'Tollgate <tollgate@example.com>', TOLLGATE_PUBLIC_URL: pub }).mail,
    ).toEqual({
      smtpUrl: smtp,
      from: 'Tollgate <tollgate@example.com>',
    });
    expect(
      loadConfig({
        TOLLGATE_SMTP_URL: 'smtps://mail.example.com:465',
        TOLLGATE_MAIL_FROM: 'tollgate@example.com',
        TOLLGATE_PUBLIC_URL: pub,
      }).mail?.from,
    ).toBe('tollgate@example.com');
  });

  it('refuses an SMTP URL without a From address or a public URL, naming what is missing', () => {
    expect(() => loadConfig({ TOLLGATE_SMTP_URL: smtp, TOLLGATE_PUBLIC_URL: pub })).toThrow(
      /TOLLGATE_MAIL_FROM: required when TOLLGATE_SMTP_URL/,
    );
    expect(() => loadConfig({ TOLLGATE_SMTP_URL: smtp, TOLLGATE_MAIL_FROM: 'a@example.com' })).toThrow(
      /TOLLGATE_PUBLIC_URL: required when TOLLGATE_SMTP_URL/,
    );
  });

  it('refuses another scheme, a From that is no address, and a poll outside 100 ms–10 min', () => {
    const base = { TOLLGATE_MAIL_FROM: 'a@example.com', TOLLGATE_PUBLIC_URL: pub };
    expect(() => loadConfig({ ...base, TOLLGATE_SMTP_URL: 'http://mail.example.com' })).toThrow(/TOLLGATE_SMTP_URL: must be an smtp/);
    expect(() => loadConfig({ ...base, TOLLGATE_SMTP_URL: smtp, TOLLGATE_MAIL_FROM: 'not an address' })).toThrow(/TOLLGATE_MAIL_FROM/);
    expect(() => loadConfig({ TOLLGATE_OUTBOX_POLL_MS: '50' })).toThrow(/TOLLGATE_OUTBOX_POLL_MS/);
    expect(() => loadConfig({ TOLLGATE_OUTBOX_POLL_MS: '600001' })).toThrow(/TOLLGATE_OUTBOX_POLL_MS/);
  });
});
