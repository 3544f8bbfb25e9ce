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
