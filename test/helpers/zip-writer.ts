import zlib from 'node:zlib';

export interface ZipEntryInput {
  name: string;
  /** The entry's content, or `zeros` bytes of zeros streamed through deflate (never held whole). */
  content?: Buffer;
  zeros?: number;
  /** The uncompressed size written in the zip; by default the true one (a lying bomb sets less). */
  declaredSize?: number;
}

async function deflate(entry: ZipEntryInput): Promise<{ data: Buffer; crc: number; size: number }> {
  if (entry.content) {
    return {
      data: zlib.deflateRawSync(entry.content),
      crc: zlib.crc32(entry.content),
      size: entry.content.length,
    };
  }
  const total = entry.zeros ?? 0;
  const block = Buffer.alloc(1 << 20);
  const deflater = zlib.createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => parts.push(chunk));
  const finished = new Promise<void>((resolve) => deflater.on('end', () => resolve()));
  let crc = 0;
  for (let written = 0; written < total; written += block.length) {
    const piece = block.subarray(0, Math.min(block.length, total - written));
    crc = zlib.crc32(piece, crc);
    if (!deflater.write(piece)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await finished;
  return { data: Buffer.concat(parts), crc, size: total };
}

/** A deflated zip built in memory for tests (decompression bombs, XLSX with extra parts). */
export async function buildZip(entries: ZipEntryInput[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc, size } = await deflate(entry);
    const declared = entry.declaredSize ?? size;
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, data);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(crc >>> 0, 16);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(declared, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += local.length + name.length + data.length;
  }
  const centralSize = central.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
