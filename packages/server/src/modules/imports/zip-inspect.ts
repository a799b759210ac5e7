import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 = stored, 8 = deflate. */
  method: number;
  localHeaderOffset: number;
}

/**
 * Reads a zip's central directory (the table of contents at its end) without inflating anything, so a zip bomb
 * can be refused by its declared sizes before a single byte is decompressed. Returns null when the file is not a
 * readable zip. ZIP64 archives are reported with size Infinity: an .xlsx that needs ZIP64 is far beyond our limits.
 */
export async function readZipDirectory(path: string): Promise<ZipEntryInfo[] | null> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 65_536 + 22);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const entryCount = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff || dirOffset + dirSize > size || dirSize > 64 * 1024 * 1024) return null;
    const dir = Buffer.alloc(dirSize);
    await file.read(dir, 0, dirSize, dirOffset);
    const entries: ZipEntryInfo[] = [];
    let p = 0;
    for (let n = 0; n < entryCount; n++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) return null;
      const method = dir.readUInt16LE(p + 10);
      const localHeaderOffset = dir.readUInt32LE(p + 42);
      const compressed = dir.readUInt32LE(p + 20);
      const uncompressed = dir.readUInt32LE(p + 24);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      entries.push({
        name,
        compressedSize: compressed === 0xffffffff ? Infinity : compressed,
        uncompressedSize: uncompressed === 0xffffffff ? Infinity : uncompressed,
        method,
        localHeaderOffset,
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await file.close();
  }
}

/**
 * A zip's directory can lie about sizes. Before any parser sees the file, every entry is inflated once and thrown
 * away, counting bytes: an entry that inflates past what it declared, or a total past `maxTotal`, is a bomb. The
 * count stops at the limit, so a bomb costs at most `maxTotal` bytes of CPU work and no memory or disk.
 */
export async function inflatedSizeProblem(path: string, entries: readonly ZipEntryInfo[], maxTotal: number): Promise<string | null> {
  const file = await open(path, 'r');
  let total = 0;
  try {
    for (const e of entries) {
      if (e.compressedSize === 0) continue;
      const header = Buffer.alloc(30);
      await file.read(header, 0, 30, e.localHeaderOffset);
      if (header.readUInt32LE(0) !== 0x04034b50) return 'corrupt';
      const start = e.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      const source = createReadStream(path, { start, end: start + e.compressedSize - 1 });
      if (e.method === 0) {
        total += e.compressedSize;
        source.destroy();
        if (total > maxTotal) return 'too-large';
        continue;
      }
      if (e.method !== 8) return 'unsupported';
      let entryBytes = 0;
      const problem = await new Promise<string | null>((resolve) => {
        const inflate = createInflateRaw();
        const stop = (why: string | null) => {
          source.destroy();
          inflate.destroy();
          resolve(why);
        };
        inflate.on('data', (chunk: Buffer) => {
          entryBytes += chunk.length;
          total += chunk.length;
          if (entryBytes > e.uncompressedSize || total > maxTotal) stop('too-large');
        });
        inflate.on('end', () => resolve(null));
        inflate.on('error', () => stop('corrupt'));
        source.on('error', () => stop('corrupt'));
        source.pipe(inflate);
      });
      if (problem) return problem;
    }
    return null;
  } finally {
    await file.close();
  }
}
