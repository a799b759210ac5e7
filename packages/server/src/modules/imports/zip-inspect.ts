import { open } from 'node:fs/promises';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
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
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await file.close();
  }
}
