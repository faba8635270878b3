import { promisify } from 'node:util';
import zlib from 'node:zlib';

/**
 * Just enough of the ZIP format to look inside an uploaded XLSX before anything inflates it: the
 * central directory, the true inflated size of an entry (inflated with a ceiling, never more), and
 * a fresh archive of chosen entries, copied compressed, for a streaming reader.
 */
export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  /** As the directory claims; not to be trusted. */
  declaredSize: number;
  dataStart: number;
}

export class ZipUnreadable extends Error {}

/** The inflated size went past the ceiling it was given. */
export class ZipTooLarge extends Error {}

const inflateRaw = promisify(zlib.inflateRaw);

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

function u16(buf: Buffer, at: number): number {
  if (at + 2 > buf.length) throw new ZipUnreadable('truncated');
  return buf.readUInt16LE(at);
}
function u32(buf: Buffer, at: number): number {
  if (at + 4 > buf.length) throw new ZipUnreadable('truncated');
  return buf.readUInt32LE(at);
}

/** The entries of the archive's central directory (ZIP64 archives are not read: an XLSX import never needs one). */
export function zipEntries(buf: Buffer): ZipEntry[] {
  let end = -1;
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 0xffff); at--) {
    if (buf.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipUnreadable('no end of central directory');
  const count = u16(buf, end + 10);
  let at = u32(buf, end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipUnreadable('ZIP64');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(buf, at) !== DIRECTORY_ENTRY) throw new ZipUnreadable('bad central directory');
    const method = u16(buf, at + 10);
    const crc32 = u32(buf, at + 16);
    const compressedSize = u32(buf, at + 20);
    const declaredSize = u32(buf, at + 24);
    const nameLength = u16(buf, at + 28);
    const extraLength = u16(buf, at + 30);
    const commentLength = u16(buf, at + 32);
    const local = u32(buf, at + 42);
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || local === 0xffffffff) throw new ZipUnreadable('ZIP64');
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (u32(buf, local) !== LOCAL_HEADER) throw new ZipUnreadable('bad local header');
    const dataStart = local + 30 + u16(buf, local + 26) + u16(buf, local + 28);
    if (dataStart + compressedSize > buf.length) throw new ZipUnreadable('truncated');
    entries.push({ name, method, crc32, compressedSize, declaredSize, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's real inflated size, inflating at most `ceiling` bytes (throws ZipTooLarge beyond it). */
export async function inflatedSize(buf: Buffer, entry: ZipEntry, ceiling: number): Promise<number> {
  const data = buf.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > ceiling) throw new ZipTooLarge(entry.name);
    return data.length;
  }
  if (entry.method !== 8) throw new ZipUnreadable(`compression method ${entry.method}`);
  try {
    return (await inflateRaw(data, { maxOutputLength: Math.max(1, ceiling) })).length;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipTooLarge(entry.name);
    throw new ZipUnreadable((err as Error).message);
  }
}

/** A new archive holding exactly these entries, in this order, their compressed bytes copied as they are. */
export function rezip(buf: Buffer, entries: readonly (ZipEntry & { inflatedSize: number })[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(e.method, 8);
    header.writeUInt32LE(e.crc32, 14);
    header.writeUInt32LE(e.compressedSize, 18);
    header.writeUInt32LE(e.inflatedSize, 22);
    header.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(DIRECTORY_ENTRY, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc32, 16);
    central.writeUInt32LE(e.compressedSize, 20);
    central.writeUInt32LE(e.inflatedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(header, name, buf.subarray(e.dataStart, e.dataStart + e.compressedSize));
    directory.push(central, name);
    offset += 30 + name.length + e.compressedSize;
  }
  const directorySize = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}
