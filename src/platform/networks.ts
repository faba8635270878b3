import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** An IPv4 address as Node reports it on a dual-stack socket (`::ffff:10.0.0.5`) is that IPv4 address. */
function plainAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? (mapped[1] as string) : ip;
}

/** Reads `10.0.0.0/8`, `192.168.1.5` or `fd00::/8` into a list Node can check addresses against. */
export function networkList(networks: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of networks) {
    const [address = '', prefix] = entry.split('/');
    const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
    const bits = prefix === undefined ? null : Number(prefix);
    if (!type || (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= (type === 'ipv4' ? 32 : 128))))
      throw new Error(`not an IP address or CIDR range: ${entry}`);
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}

/** Whether a client address lies in one of the networks. */
export function inNetworks(ip: string, networks: BlockList): boolean {
  const address = plainAddress(ip);
  if (isIPv4(address)) return networks.check(address, 'ipv4');
  if (isIPv6(address)) return networks.check(address, 'ipv6');
  return false;
}
