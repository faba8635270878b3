import zlib from 'node:zlib';
import { writeSheet } from '../../src/platform/tabular.js';
import { zipEntries } from '../../src/platform/zip.js';

interface Part {
  name: string;
  compressed: Buffer;
  crc32: number;
  size: number;
}

/** Deflates `size` bytes of `chunk` repeated, a chunk at a time, so the test never holds them. */
async function deflateRepeated(head: string, chunk: string, size: number, tail: string): Promise<Omit<Part, 'name'>> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  let written = 0;
  const write = async (buf: Buffer) => {
    crc = zlib.crc32(buf, crc);
    written += buf.length;
    if (!deflate.write(buf)) await new Promise((r) => deflate.once('drain', r));
  };
  await write(Buffer.from(head));
  const block = Buffer.from(chunk.repeat(Math.ceil(65_536 / chunk.length)));
  while (written + block.length < size) await write(block);
  await write(Buffer.from(tail));
  deflate.end();
  await done;
  return { compressed: Buffer.concat(out), crc32: crc, size: written };
}

function zip(parts: Part[]): Buffer {
  const files: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc32, 14);
    local.writeUInt32LE(p.compressed.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc32, 16);
    central.writeUInt32LE(p.compressed.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    files.push(local, name, p.compressed);
    directory.push(central, name);
    offset += 30 + name.length + p.compressed.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...files, ...directory, end]);
}

/**
 * A real units workbook whose shared strings (or first sheet) are swapped for `megabytes` of
 * repeated XML: well under a megabyte on the wire, hundreds of megabytes unpacked.
 */
export async function xlsxBomb(opts: { megabytes: number; part: 'sharedStrings' | 'sheet' }): Promise<Buffer> {
  const real = await writeSheet('xlsx', 'units', ['building', 'number', 'floor', 'area_m2'], [['A座', '1A', 1, 50]]);
  const parts: Part[] = zipEntries(real).map((e) => {
    const compressed = real.subarray(e.dataStart, e.dataStart + e.compressedSize);
    return { name: e.name, compressed, crc32: e.crc32, size: e.declaredSize };
  });
  const size = opts.megabytes * 1024 * 1024;
  const bomb =
    opts.part === 'sharedStrings'
      ? await deflateRepeated(
          '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
          '<si><t>A座</t></si>',
          size,
          '</sst>',
        )
      : await deflateRepeated(
          '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
          '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
          size,
          '</sheetData></worksheet>',
        );
  const target = opts.part === 'sharedStrings' ? 'xl/sharedStrings.xml' : 'xl/worksheets/sheet1.xml';
  const swapped = parts.map((p) => (p.name === target ? { name: p.name, ...bomb } : p));
  if (!swapped.some((p) => p.name === target)) swapped.push({ name: target, ...bomb });
  return zip(swapped);
}
