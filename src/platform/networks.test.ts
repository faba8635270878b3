import { describe, expect, it } from 'vitest';
import { inNetworks, networkList } from './networks.js';

describe('inNetworks', () => {
  const office = networkList(['10.0.0.0/8', '192.168.1.5', 'fd00::/8']);
  it.each([
    ['10.1.2.3', true],
    ['11.0.0.1', false],
    ['192.168.1.5', true],
    ['192.168.1.6', false],
    ['::ffff:10.20.30.40', true],
    ['::ffff:127.0.0.1', false],
    ['fd12::1', true],
    ['2001:db8::1', false],
    ['not an address', false],
  ])('%s in the office networks: %s', (ip, expected) => {
    expect(inNetworks(ip, office)).toBe(expected);
  });

  it('no networks trust nobody', () => {
    expect(inNetworks('127.0.0.1', networkList([]))).toBe(false);
  });

  it.each(['10.0.0.0/33', 'example.org', '10.0.0/8', 'fd00::/129'])('refuses %s naming it', (entry) => {
    expect(() => networkList([entry])).toThrow(entry);
  });
});
