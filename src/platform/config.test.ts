import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', true],
    ['1', 1],
    ['127.0.0.1', '127.0.0.1'],
    ['10.0.0.0/8, 192.168.1.5', '10.0.0.0/8,192.168.1.5'],
    ['::1,fd00::/8', '::1,fd00::/8'],
    ['loopback', 'loopback'],
  ])('TRUST_PROXY=%j trusts %j', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('refuses a TRUST_PROXY that is neither a flag, a hop count nor addresses, naming the setting', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it('reads ESTATEDESK_TRUSTED_NETWORKS as addresses and ranges, and refuses anything else naming the setting', () => {
    expect(loadConfig({}).trustedNetworks).toEqual([]);
    expect(loadConfig({ ESTATEDESK_TRUSTED_NETWORKS: '10.0.0.0/8, 192.168.1.5' }).trustedNetworks).toEqual(['10.0.0.0/8', '192.168.1.5']);
    expect(() => loadConfig({ ESTATEDESK_TRUSTED_NETWORKS: 'office' })).toThrow(/ESTATEDESK_TRUSTED_NETWORKS/);
  });
});
