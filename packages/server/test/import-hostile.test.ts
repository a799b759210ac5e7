/**
 * Quality bar #9: hostile and odd files. Each must be refused with a Chinese message (result status 'rejected',
 * or 'failed' with a message), store nothing, never throw out of the import, and keep memory (and the temporary
 * disk space the .xlsx reader uses) bounded. The legitimate-but-tricky files at the end (GB18030 CSV, long
 * Chinese text across stream chunks, `__proto__` names) must import with every character intact.
 */
import { closeSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '@zengshou/core';
import ExcelJS from '../src/platform/excel.ts';
import { ImportService, type ImportResult } from '../src/modules/imports/imports.service.ts';
import { rowErrors } from '../src/modules/imports/imports.repository.ts';
import type { ImportLimits } from '../src/modules/imports/file-source.ts';
import { queryRows, sql } from '../src/platform/db/sql.ts';
import { startTestEnv, R, type TestEnv } from './harness.ts';
import { HOUSEHOLD_HEADERS, MEMBER_HEADERS, householdRow, memberRow, tempDir, writeCsv, writeXlsx } from './support/registry-factory.ts';

let env: TestEnv;
let imports: ImportService;
const actor = { userId: null, username: 'test', scope: R.county };
const dir = tempDir();
const MB = 1024 * 1024;
const CHINESE = /[\u4e00-\u9fff]/;

beforeAll(async () => {
  env = await startTestEnv();
  imports = new ImportService(env.deps);
});
afterAll(async () => {
  await env?.close();
  rmSync(dir, { recursive: true, force: true });
});
// While the reader leaks its spooled worksheets (see the temp-file test below), remove them after each test:
// a run of this file would otherwise leave gigabytes in the temporary directory.
afterEach(removeSpooled);

// ---------------------------------------------------------------------------------------------------------
// Helpers

async function counts() {
  const [r] = await queryRows<Record<string, number>>(env.db.orm, sql`SELECT
    (SELECT count(*) FROM households)::int8 AS households, (SELECT count(*) FROM members)::int8 AS members,
    (SELECT count(*) FROM income_records)::int8 AS income,
    (SELECT count(*) FROM import_stage_households)::int8 + (SELECT count(*) FROM import_stage_members)::int8
      + (SELECT count(*) FROM import_stage_income)::int8 AS staged`);
  return r!;
}

/** Temporary files of this process made by the `tmp` package, which ExcelJS uses to spool worksheets. */
function spooledBytes(): number {
  const prefix = `tmp-${process.pid}-`;
  let total = 0;
  for (const f of readdirSync(os.tmpdir())) {
    if (!f.startsWith(prefix)) continue;
    try {
      total += statSync(path.join(os.tmpdir(), f)).size;
    } catch {
      // removed between readdir and stat
    }
  }
  return total;
}

function removeSpooled() {
  const prefix = `tmp-${process.pid}-`;
  for (const f of readdirSync(os.tmpdir())) if (f.startsWith(prefix)) rmSync(path.join(os.tmpdir(), f), { force: true });
}

interface Measured {
  result: ImportResult;
  heapGrowth: number;
  spoolPeak: number;
}

/** The collector, so that the heap is measured from a clean baseline (not from the test's own garbage). */
const collectGarbage: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/** Runs one import, sampling the heap and this process's temporary files while it runs. */
async function runImport(file: string, name: string, limits?: Partial<ImportLimits>, mode: 'valid-rows' | 'all-or-nothing' = 'valid-rows'): Promise<Measured> {
  collectGarbage();
  const heapBase = process.memoryUsage().heapUsed;
  const spoolBase = spooledBytes();
  let heapPeak = heapBase;
  let spoolPeak = 0;
  const sample = () => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    spoolPeak = Math.max(spoolPeak, spooledBytes() - spoolBase);
  };
  const timer = setInterval(sample, 20);
  try {
    const result = await imports.importFile(actor, { path: file, name }, { mode, dryRun: false, ...(limits ? { limits } : {}) });
    sample();
    return { result, heapGrowth: heapPeak - heapBase, spoolPeak };
  } finally {
    clearInterval(timer);
  }
}

/** Refused as a whole: a Chinese message, the job closed with the same status, and nothing stored or left staged. */
async function expectRefused(run: Measured, message: RegExp | string, before: Awaited<ReturnType<typeof counts>>, statuses: Array<ImportResult['status']> = ['rejected']) {
  const { result } = run;
  expect(statuses, `${result.status}: ${result.message}`).toContain(result.status);
  if (typeof message === 'string') expect(result.message).toBe(message);
  else expect(result.message).toMatch(message);
  expect(result.message).toMatch(CHINESE);
  expect(result.summary).toBeNull();
  const [job] = await queryRows<{ status: string; message: string }>(env.db.orm, sql`SELECT status, message FROM import_jobs WHERE id = ${result.jobId}`);
  expect(job).toEqual({ status: result.status, message: result.message });
  expect(await counts()).toEqual({ ...before, staged: 0 });
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- A minimal zip writer: enough to build real .xlsx files, bombs included, without a library.

interface ZipEntry {
  name: string;
  /** Raw-deflate segments, written one after the other; all but the last end with a full flush. */
  segments: Iterable<Buffer>;
  compressedSize: number;
  crc: number;
  size: number;
  /** What the local header and the central directory claim the inflated size is, when they should lie. */
  claim?: { uncompressed: number };
}

function deflated(name: string, text: string | Buffer): ZipEntry {
  const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const z = zlib.deflateRawSync(data);
  return { name, segments: [z], compressedSize: z.length, crc: zlib.crc32(data), size: data.length };
}

/**
 * head + block × times + tail as one deflate stream, compressing the block once: after a full flush the
 * compressor starts afresh, so the same input block always yields the same bytes and can simply be repeated.
 */
function repeated(name: string, head: string, block: Buffer, times: number, tail: string, level = 9): ZipEntry {
  const h = Buffer.from(head, 'utf8');
  const t = Buffer.from(tail, 'utf8');
  let crc = zlib.crc32(h);
  for (let i = 0; i < times; i++) crc = zlib.crc32(block, crc);
  crc = zlib.crc32(t, crc);
  const full = { finishFlush: zlib.constants.Z_FULL_FLUSH, level };
  const hz = zlib.deflateRawSync(h, full);
  const bz = zlib.deflateRawSync(block, full);
  const tz = zlib.deflateRawSync(t);
  return {
    name,
    segments: (function* () {
      yield hz;
      for (let i = 0; i < times; i++) yield bz;
      yield tz;
    })(),
    compressedSize: hz.length + bz.length * times + tz.length,
    crc, size: h.length + block.length * times + t.length,
  };
}

/** A part generated in pieces (e.g. a million rows), deflated piece by piece so it never sits in memory whole. */
function streamed(name: string, pieces: Iterable<string>): ZipEntry {
  const segments: Buffer[] = [];
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const b = Buffer.from(piece, 'utf8');
    crc = zlib.crc32(b, crc);
    size += b.length;
    segments.push(zlib.deflateRawSync(b, { level: 1, finishFlush: zlib.constants.Z_FULL_FLUSH }));
  }
  segments.push(zlib.deflateRawSync(Buffer.alloc(0))); // the final, empty block
  return { name, segments, compressedSize: segments.reduce((n, b) => n + b.length, 0), crc, size };
}

function writeZip(file: string, entries: ZipEntry[]): string {
  const fd = openSync(file, 'w');
  let offset = 0;
  const put = (b: Buffer) => {
    writeSync(fd, b);
    offset += b.length;
  };
  const central: Buffer[] = [];
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const uncompressed = Math.min(e.claim?.uncompressed ?? e.size, 0xffffffff);
    const header = (signature: number, length: number, at: number) => {
      const b = Buffer.alloc(length);
      b.writeUInt32LE(signature, 0);
      b.writeUInt16LE(20, at); // version needed
      b.writeUInt16LE(8, at + 4); // deflate
      b.writeUInt16LE(0x21, at + 8); // date: 1980-01-01
      b.writeUInt32LE(e.crc >>> 0, at + 10);
      b.writeUInt32LE(e.compressedSize, at + 14);
      b.writeUInt32LE(uncompressed, at + 18);
      b.writeUInt16LE(name.length, at + 22);
      return b;
    };
    const localAt = offset;
    put(header(0x04034b50, 30, 4));
    put(name);
    for (const s of e.segments) put(s);
    const c = header(0x02014b50, 46, 6);
    c.writeUInt16LE(20, 4); // version made by
    c.writeUInt32LE(localAt, 42);
    central.push(c, name);
  }
  const dirAt = offset;
  central.forEach(put);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(offset - dirAt, 12);
  eocd.writeUInt32LE(dirAt, 16);
  put(eocd);
  closeSync(fd);
  return file;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

/**
 * A real .xlsx around the given worksheet parts, with the parts in the order Excel writes them: worksheets before
 * the shared strings, which makes ExcelJS's reader spool each worksheet to a temporary file before parsing it.
 */
function xlsx(file: string, sheets: Array<{ name: string; part: ZipEntry }>, sharedStrings: readonly string[] = []): string {
  sheets.forEach((s, i) => (s.part.name = `xl/worksheets/sheet${i + 1}.xml`));
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${NS}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">`
    + sharedStrings.map((t) => `<si><t>${t}</t></si>`).join('') + '</sst>';
  return writeZip(file, [
    deflated('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`
      + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
      + `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`),
    deflated('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    deflated('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>`
      + sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') + '</sheets></workbook>'),
    deflated('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">`
      + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
      + `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    ...sheets.map((s) => s.part),
    deflated('xl/sharedStrings.xml', sst),
  ]);
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
/** A cell without its r= reference. */
const bareCell = (text: string) => `<c t="inlineStr"><is><t>${text}</t></is></c>`;
const HOUSEHOLD_HEADER_ROW = `<row r="1">${inline('A1', '户编号')}${inline('B1', '村级区划代码')}${inline('C1', '户类型')}</row>`;

// ---- GB18030, as Excel on Chinese Windows saves a CSV. Node's TextEncoder only writes UTF-8: the encoder is
// the inverse of the WHATWG decoder, built by decoding every two-byte code and the four-byte BMP range.

function gb18030Encoder(): (text: string) => Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  for (let a = 0x81; a <= 0x84; a++) {
    for (let b = 0x30; b <= 0x39; b++) {
      for (let c = 0x81; c <= 0xfe; c++) {
        for (let d = 0x30; d <= 0x39; d++) {
          const ch = decoder.decode(Uint8Array.of(a, b, c, d));
          if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b, c, d]);
        }
      }
    }
  }
  return (text) => {
    const out: number[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) out.push(cp);
      else if (cp >= 0x10000) {
        // Supplementary planes are linear from 0x90308130.
        const n = cp - 0x10000;
        out.push(0x90 + Math.floor(n / 12600), 0x30 + Math.floor((n % 12600) / 1260), 0x81 + Math.floor((n % 1260) / 10), 0x30 + (n % 10));
      } else {
        const bytes = table.get(ch);
        if (!bytes) throw new Error(`no GB18030 code for U+${cp.toString(16)}`);
        out.push(...bytes);
      }
    }
    return Buffer.from(out);
  };
}

/** CSV as Excel writes it (CRLF); the values here need no quoting. */
const csvText = (headers: string[], rows: string[][]) => [headers, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';

/** Chinese text of the given length in UTF-16 units: common characters, with some from extension A and B. */
function chineseText(rnd: () => number, length: number): string {
  let s = '';
  while (s.length < length) {
    const r = rnd();
    const cp = r < 0.9 ? 0x4e00 + Math.floor(rnd() * 0x51a6) : r < 0.95 ? 0x3400 + Math.floor(rnd() * 0x19b6) : 0x20000 + Math.floor(rnd() * 0xa6d7);
    const ch = String.fromCodePoint(cp);
    if (s.length + ch.length > length) continue;
    s += ch;
  }
  return s;
}

/** Households with long addresses and members with long names: ~1.5 MB of three- and four-byte UTF-8. */
function chineseRegistry(seed: number, prefix: string, n: number, firstBirth: number) {
  const rnd = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => ({
    no: `${prefix}-${i}`,
    address: chineseText(rnd, 150 + Math.floor(rnd() * 51)),
    name: chineseText(rnd, 20 + Math.floor(rnd() * 21)),
    id: makeIdNumber(R.county, new Date(Date.UTC(firstBirth, 0, 1 + i)).toISOString().slice(0, 10).replaceAll('-', ''), 613),
  }));
}

async function expectStoredIntact(rows: ReturnType<typeof chineseRegistry>, prefix: string, run: Measured) {
  expect(run.result.status, run.result.message).toBe('succeeded');
  expect(run.result.summary).toMatchObject({ rowsRead: 2 * rows.length, rowsBad: 0, households: { inserted: rows.length }, members: { inserted: rows.length } });
  const stored = await queryRows<{ household_no: string; address: string; name: string }>(env.db.orm,
    sql`SELECT h.household_no, h.address, m.name FROM households h JOIN members m ON m.household_id = h.id WHERE h.household_no LIKE ${prefix + '-%'}`);
  expect(stored.length).toBe(rows.length);
  expect(stored.filter((s) => s.address.includes('\ufffd') || s.name.includes('\ufffd'))).toEqual([]);
  const byNo = new Map(stored.map((s) => [s.household_no, s]));
  expect(rows.filter((r) => byNo.get(r.no)?.address !== r.address || byNo.get(r.no)?.name !== r.name).slice(0, 5)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------------

describe('zip bombs', () => {
  it('refuses a .xlsx whose worksheet declares ~3 GB once inflated, from a small file, before inflating it', async () => {
    // ~3 GB of spaces between the rows (legal XML whitespace), compressed ~1000:1.
    const block = Buffer.alloc(MB, 0x20);
    const file = xlsx(path.join(dir, 'bomb.xlsx'), [{ name: '户信息', part: repeated('sheet', SHEET_HEAD + HOUSEHOLD_HEADER_ROW, block, 3_000, SHEET_TAIL) }]);
    expect(statSync(file).size).toBeLessThan(5 * MB);
    const before = await counts();
    const run = await runImport(file, 'bomb.xlsx');
    await expectRefused(run, '文件解压后体积异常（疑似压缩炸弹），已拒绝', before);
    expect(run.spoolPeak).toBe(0);
  }, 60_000);

  it('refuses a bomb whose entry claims the ZIP64 marker size (0xFFFFFFFF)', async () => {
    const sheet = deflated('sheet', SHEET_HEAD + HOUSEHOLD_HEADER_ROW + SHEET_TAIL);
    sheet.claim = { uncompressed: 0xffffffff };
    const file = xlsx(path.join(dir, 'zip64.xlsx'), [{ name: '户信息', part: sheet }]);
    const before = await counts();
    await expectRefused(await runImport(file, 'zip64.xlsx'), '文件解压后体积异常（疑似压缩炸弹），已拒绝', before);
  });

  it('refuses a bomb whose zip directory understates the inflated size, without inflating gigabytes to disk or memory', async () => {
    // The directory says 200 kB; the worksheet really inflates to ~1.5 GB of rows. A check of the declared
    // sizes alone lets it through, and the reader then inflates the whole part before the first row is read.
    const rowXml = '<row r="2"><c r="A2"><v>1</v></c></row>';
    const block = Buffer.from(rowXml.repeat(Math.floor(MB / rowXml.length)));
    const sheet = repeated('sheet', SHEET_HEAD + '<row r="1">' + inline('A1', '说明') + '</row>', block, 1_500, SHEET_TAIL);
    sheet.claim = { uncompressed: 200_000 };
    const file = xlsx(path.join(dir, 'liar.xlsx'), [{ name: 'Sheet1', part: sheet }]);
    expect(statSync(file).size).toBeLessThan(10 * MB);
    const before = await counts();
    const spooledBefore = spooledBytes();
    const run = await runImport(file, 'liar.xlsx');
    await expectRefused(run, /[\u4e00-\u9fff]/, before, ['rejected', 'failed']);
    expect(run.heapGrowth).toBeLessThan(300 * MB);
    // Bounded disk: never more than the declared size (plus slack) inflated into temporary files, none left.
    expect(run.spoolPeak).toBeLessThan(256 * MB);
    expect(spooledBytes() - spooledBefore).toBe(0);
  }, 120_000);

  it('refuses (or reports) a single 600-million-character cell whose sizes are declared honestly (~80:1), without crashing', async () => {
    // Random letters in a 20 kB block compress only ~80:1, under the ratio limit; 600 MB is under the 1 GB
    // total. The cell is far beyond Excel's own 32,767-character limit and beyond any column's length.
    const rnd = mulberry32(7);
    const unit = Buffer.from(Array.from({ length: 20_000 }, () => 97 + Math.floor(rnd() * 26)));
    const block = Buffer.concat(Array.from({ length: 400 }, () => unit)); // 8 MB
    const head = SHEET_HEAD + `<row r="1">${inline('A1', '户编号')}${inline('B1', '村级区划代码')}${inline('C1', '户类型')}${inline('D1', '详细地址')}</row>`
      + `<row r="2">${inline('A2', 'BIG-1')}<c r="B2"><v>533423101001</v></c>${inline('C2', '脱贫户')}<c r="D2" t="inlineStr"><is><t>`;
    const file = xlsx(path.join(dir, 'huge-cell.xlsx'), [{ name: '户信息', part: repeated('sheet', head, block, 75, '</t></is></c></row>' + SHEET_TAIL, 6) }]);
    expect(statSync(file).size).toBeLessThan(12 * MB);
    const before = await counts();
    const run = await runImport(file, 'huge-cell.xlsx');
    expect(run.heapGrowth).toBeLessThan(300 * MB);
    if (run.result.status === 'succeeded') {
      // Reported as too long, like any other cell: nothing stored.
      const errors = await rowErrors(env.db.orm, run.result.jobId!, 10);
      expect(errors.map((e) => [e.row_no, e.col])).toEqual([[2, '详细地址']]);
      expect(errors[0]!.reason).toMatch(/内容过长/);
      expect(await counts()).toEqual({ ...before, staged: 0 });
    } else {
      await expectRefused(run, /[\u4e00-\u9fff]/, before, ['rejected', 'failed']);
    }
  }, 120_000);
});

describe('files that are not what their name says', () => {
  const rnd = mulberry32(42);
  const random = Buffer.from(Array.from({ length: 64 * 1024 }, () => Math.floor(rnd() * 256)));
  random[0] = 0x00; // neither a zip nor an OLE header
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), random.subarray(0, 4096)]);
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), random.subarray(0, 4096)]);
  const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096, 0xff)]);
  const notExcel = '文件扩展名是 .xlsx，但内容不是 Excel 文件';
  const oldExcel = '这是旧版 Excel (.xls) 文件，请在 Excel 中另存为 .xlsx 后再导入';

  it.each([
    ['a PNG renamed .xlsx', png, 'photo.xlsx', notExcel],
    ['a PDF renamed .xlsx', pdf, 'scan.xlsx', notExcel],
    ['random bytes renamed .xlsx', random, 'noise.xlsx', notExcel],
    ['an old .xls (OLE2) file', ole, 'old.xls', oldExcel],
    ['an old .xls renamed .xlsx', ole, 'old.xlsx', oldExcel],
    ['an empty .xlsx', Buffer.alloc(0), 'empty.xlsx', '文件为空'],
    ['an empty .csv', Buffer.alloc(0), 'empty.csv', '文件为空'],
    ['a CSV starting with binary NUL bytes', Buffer.concat([Buffer.from([0, 0, 0, 1]), Buffer.from('户编号,村级区划代码,户类型\n')]), 'nul.csv', 'CSV 文件中含有二进制内容，无法读取'],
    ['random bytes named .csv', random, 'noise.csv', 'CSV 文件中含有二进制内容，无法读取'],
    ['a PDF named .pdf', pdf, 'scan.pdf', '只支持 .xlsx 或 .csv 文件'],
  ])('refuses %s', async (_label, bytes, name, message) => {
    const file = path.join(dir, `each-${name}`);
    writeFileSync(file, bytes);
    const before = await counts();
    await expectRefused(await runImport(file, name), message, before);
  });

  it('refuses a zip that holds no workbook, and a truncated .xlsx', async () => {
    const docx = writeZip(path.join(dir, 'letter.xlsx'), [deflated('word/document.xml', '<w:document/>'), deflated('[Content_Types].xml', '<Types/>')]);
    const before = await counts();
    await expectRefused(await runImport(docx, 'letter.xlsx'), '压缩包中没有 Excel 工作簿，不是有效的 .xlsx 文件', before);
    const good = await writeXlsx([{ name: '户信息', headers: HOUSEHOLD_HEADERS, rows: Array.from({ length: 200 }, (_, i) => householdRow(`TR-${i}`)) }], path.join(dir, 'good.xlsx'));
    const bytes = readFileSync(good);
    const truncated = path.join(dir, 'truncated.xlsx');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(await runImport(truncated, 'truncated.xlsx'), '文件已损坏，无法读取（不是有效的 .xlsx 文件）', before);
  });

  it('refuses (or reports) a PNG renamed .csv, whose first NUL byte comes after the 8-byte signature', async () => {
    const file = path.join(dir, 'photo.csv');
    writeFileSync(file, png);
    const before = await counts();
    await expectRefused(await runImport(file, 'photo.csv'), /[\u4e00-\u9fff]/, before, ['rejected', 'failed']);
  });

  it('refuses a CSV with NUL bytes inside a data row instead of failing in the database', async () => {
    const file = path.join(dir, 'nul-inside.csv');
    writeFileSync(file, `户编号,村级区划代码,户类型,详细地址\nNUL-1,${R.village},脱贫户,一组\nNUL-2,${R.village},脱贫户,二\u0000组\n`);
    const before = await counts();
    await expectRefused(await runImport(file, 'nul-inside.csv'), /[\u4e00-\u9fff]/, before, ['rejected', 'failed']);
  });
});

describe('damaged content inside a valid container', () => {
  it('refuses a .xlsx whose worksheet XML is malformed, with a message instead of an exception', async () => {
    const sheet = deflated('sheet', SHEET_HEAD + HOUSEHOLD_HEADER_ROW + `<row r="2">${inline('A2', 'X-1')}</x></row>` + SHEET_TAIL);
    const file = xlsx(path.join(dir, 'malformed.xlsx'), [{ name: '户信息', part: sheet }]);
    const before = await counts();
    await expectRefused(await runImport(file, 'malformed.xlsx'), /[\u4e00-\u9fff]/, before, ['rejected', 'failed']);
  });

  it('a CSV with a stray quote is refused with a message, or its row reported, but never throws', async () => {
    const file = path.join(dir, 'quote.csv');
    writeFileSync(file, `户编号,村级区划代码,户类型,详细地址\nQ-1,${R.village},脱贫户,一组\nQ-2,${R.village},脱贫户,"二"组\n`);
    const before = await counts();
    const run = await runImport(file, 'quote.csv');
    if (run.result.status === 'succeeded') {
      const [n] = await queryRows<{ n: number }>(env.db.orm, sql`SELECT count(*)::int8 AS n FROM households WHERE household_no IN ('Q-1', 'Q-2')`);
      const errors = await rowErrors(env.db.orm, run.result.jobId!, 10);
      expect(n!.n + errors.length).toBe(2);
    } else {
      await expectRefused(run, /[\u4e00-\u9fff]/, before, ['rejected', 'failed']);
    }
  });

  it('a sheet whose rows and cells carry no r= reference (optional in OOXML) imports or is refused, never throws', async () => {
    const cell = bareCell;
    const sheet = deflated('sheet', SHEET_HEAD + `<row>${cell('户编号')}${cell('村级区划代码')}${cell('户类型')}</row>`
      + `<row>${cell('NOREF-1')}${cell(R.village)}${cell('脱贫户')}</row>` + SHEET_TAIL);
    const file = xlsx(path.join(dir, 'no-refs.xlsx'), [{ name: '户信息', part: sheet }]);
    const before = await counts();
    const run = await runImport(file, 'no-refs.xlsx');
    if (run.result.status === 'succeeded') {
      const [h] = await queryRows<{ village_code: string }>(env.db.orm, sql`SELECT village_code FROM households WHERE household_no = 'NOREF-1'`);
      expect(h).toEqual({ village_code: R.village });
    } else {
      await expectRefused(run, /[\u4e00-\u9fff]/, before, ['rejected', 'failed']);
    }
  });

  it('a refused .xlsx leaves no inflated worksheet behind in the temporary directory', async () => {
    // writeXlsx puts the worksheet before the shared strings, like Excel: the reader spools it to a temp file.
    const file = await writeXlsx([{ name: '户信息', headers: HOUSEHOLD_HEADERS, rows: Array.from({ length: 30 }, (_, i) => householdRow(`TMP-${i}`)) }], path.join(dir, 'tmp.xlsx'));
    const before = await counts();
    const spooledBefore = spooledBytes();
    const run = await runImport(file, 'tmp.xlsx', { maxRowsPerSheet: 20 });
    await expectRefused(run, /超过 20 行的上限/, before);
    expect(spooledBytes() - spooledBefore).toBe(0);
  });
});

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();

async function expectProtoRun(run: Measured, sheet: string, before: string[]) {
  expect(run.result.status, run.result.message).toBe('succeeded');
  expect(protoKeys()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  const errors = await rowErrors(env.db.orm, run.result.jobId!, 100);
  expect(errors.map((e) => [e.sheet, e.row_no, e.col])).toEqual([[sheet, 5, '户类型'], [sheet, 6, '户编号']]);
}

describe('__proto__, constructor and prototype as column names and values', () => {
  const hostileHeaders = [...HOUSEHOLD_HEADERS, '__proto__', 'constructor', 'prototype'];
  const hostileRows = [
    [...householdRow('constructor', R.village, { 详细地址: '__proto__' }), '{"polluted":true}', 'x', 'y'],
    [...householdRow('prototype', R.village, { 详细地址: 'constructor.prototype.polluted' }), '__proto__', 'constructor', 'prototype'],
    [...householdRow('toString', R.village, { 详细地址: 'prototype' }), 'polluted', '1', '2'],
    [...householdRow('hasOwnProperty', R.village, { 户类型: '__proto__' }), 'a', 'b', 'c'], // row 5: not a household type
    [...householdRow('__proto__', R.village), 'a', 'b', 'c'], // row 6: '_' is not allowed in a household number
  ];

  it('in a .xlsx (with a members sheet named __proto__): imported as plain data, prototypes untouched', async () => {
    const before = protoKeys();
    const ids = [makeIdNumber(R.county, '19700101', 311), makeIdNumber(R.county, '19700102', 312)];
    const file = await writeXlsx([
      { name: '户信息', headers: hostileHeaders, rows: hostileRows },
      { name: '__proto__', headers: [...MEMBER_HEADERS, '__proto__'], rows: [
        [...memberRow('constructor', '__proto__', ids[0]), '{"isAdmin":true}'],
        [...memberRow('prototype', 'constructor', ids[1], { 技能特长: '__proto__' }), 'prototype'],
      ] },
    ], path.join(dir, '__proto__.xlsx'));
    const run = await runImport(file, '__proto__.xlsx');
    await expectProtoRun(run, '户信息', before);
    const households = await queryRows<{ household_no: string; address: string }>(env.db.orm,
      sql`SELECT household_no, address FROM households WHERE household_no IN ('constructor', 'prototype', 'toString', 'hasOwnProperty', '__proto__') ORDER BY household_no`);
    expect(households).toEqual([
      { household_no: 'constructor', address: '__proto__' },
      { household_no: 'prototype', address: 'constructor.prototype.polluted' },
      { household_no: 'toString', address: 'prototype' },
    ]);
    const members = await queryRows<{ household_no: string; name: string; skills: string | null }>(env.db.orm,
      sql`SELECT h.household_no, m.name, m.skills FROM members m JOIN households h ON h.id = m.household_id WHERE m.id_number IN (${ids[0]}, ${ids[1]}) ORDER BY m.name`);
    expect(members).toEqual([
      { household_no: 'constructor', name: '__proto__', skills: null },
      { household_no: 'prototype', name: 'constructor', skills: '__proto__' },
    ]);
  });

  it('in a CSV named __proto__.csv: the same', async () => {
    const before = protoKeys();
    const file = writeCsv(hostileHeaders, hostileRows, path.join(dir, '__proto__.csv'));
    const run = await runImport(file, '__proto__.csv');
    await expectProtoRun(run, '__proto__', before);
    const h = run.result.summary!.households;
    expect(h.inserted + h.updated + h.unchanged).toBe(3);
    const [n] = await queryRows<{ n: number }>(env.db.orm, sql`SELECT count(*)::int8 AS n FROM households WHERE household_no IN ('constructor', 'prototype', 'toString')`);
    expect(n!.n).toBe(3);
  });
});

describe('limits', () => {
  const EXCEL_MAX_ROWS = 1_048_576;

  it('refuses a CSV of 1,048,576 rows by the row limit, with heap growth bounded', async () => {
    const file = path.join(dir, 'max-rows.csv');
    const fd = openSync(file, 'w');
    writeSync(fd, '户编号,村级区划代码,户类型\n');
    const chunk: string[] = [];
    for (let i = 1; i < EXCEL_MAX_ROWS; i++) {
      chunk.push(`MAX-${i},${R.village},脱贫户\n`);
      if (chunk.length === 50_000) writeSync(fd, chunk.splice(0).join(''));
    }
    writeSync(fd, chunk.join(''));
    closeSync(fd);
    const before = await counts();
    const run = await runImport(file, 'max-rows.csv');
    await expectRefused(run, '文件超过 500,000 行的上限，请拆分后导入', before);
    expect(run.heapGrowth).toBeLessThan(300 * MB);
  }, 180_000);

  it('refuses a .xlsx sheet of 1,048,576 rows by the row limit, with heap growth bounded', async () => {
    const sheet = streamed('sheet', (function* () {
      yield SHEET_HEAD + HOUSEHOLD_HEADER_ROW;
      let piece = '';
      for (let r = 2; r <= EXCEL_MAX_ROWS; r++) {
        piece += `<row r="${r}">${inline(`A${r}`, `XMAX-${r}`)}<c r="B${r}"><v>${R.village}</v></c>${inline(`C${r}`, '脱贫户')}</row>`;
        if (r % 32_768 === 0) {
          yield piece;
          piece = '';
        }
      }
      yield piece + SHEET_TAIL;
    })());
    const file = xlsx(path.join(dir, 'max-rows.xlsx'), [{ name: '户信息', part: sheet }]);
    const before = await counts();
    const run = await runImport(file, 'max-rows.xlsx');
    await expectRefused(run, '工作表「户信息」超过 500,000 行的上限，请拆分后导入', before);
    expect(run.heapGrowth).toBeLessThan(300 * MB);
  }, 180_000);

  it('refuses a file over the size limit before reading it', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => householdRow(`SZ-${i}`));
    const file = writeCsv(HOUSEHOLD_HEADERS, rows, path.join(dir, 'big.csv'));
    expect(statSync(file).size).toBeGreaterThan(1.2 * MB);
    const before = await counts();
    await expectRefused(await runImport(file, 'big.csv', { maxFileBytes: MB }), /^文件大小 \d+\.\d MB 超过上限 1 MB，请拆分后导入$/, before);
  });
});

describe('Chinese text survives every decoding step', () => {
  it('imports a GB18030 CSV (Excel on Chinese Windows) with every character and label intact', async () => {
    const encode = gb18030Encoder();
    const rnd = mulberry32(18030);
    const n = 2_000;
    const households = Array.from({ length: n }, (_, i) => ({ no: `GB-${i}`, address: chineseText(rnd, 60 + Math.floor(rnd() * 100)) }));
    const names = Array.from({ length: n }, () => chineseText(rnd, 2 + Math.floor(rnd() * 10)));
    const hhText = csvText(['户编号', '村级区划代码', '详细地址', '户类型', '低保特困'], households.map((h, i) => [h.no, R.village, h.address, i % 2 ? '一般农户' : '脱贫户', '低保']));
    const mText = csvText(['户编号', '姓名', '身份证号', '与户主关系', '劳动技能', '健康状况', '在校情况', '务工状况'],
      households.map((h, i) => [h.no, names[i]!, makeIdNumber(R.county, new Date(Date.UTC(1960, 0, 1 + i)).toISOString().slice(0, 10).replaceAll('-', ''), 451), '户主', '普通劳动力', '健康', '非在校', '务农']));
    const hhBytes = encode(hhText);
    const mBytes = encode(mText);
    expect(new TextDecoder('gb18030').decode(hhBytes)).toBe(hhText); // the encoder is right
    expect(hhBytes.length).toBeGreaterThan(256 * 1024); // several read chunks, and more than the encoding sniff reads
    const hhFile = path.join(dir, 'gbk-households.csv');
    const mFile = path.join(dir, 'gbk-members.csv');
    writeFileSync(hhFile, hhBytes);
    writeFileSync(mFile, mBytes);

    const first = await runImport(hhFile, '户信息.csv');
    expect(first.result.status, first.result.message).toBe('succeeded');
    expect(first.result.summary).toMatchObject({ rowsRead: n, rowsBad: 0, households: { inserted: n } });
    const second = await runImport(mFile, '成员信息.csv');
    expect(second.result.status, second.result.message).toBe('succeeded');
    expect(second.result.summary).toMatchObject({ rowsRead: n, rowsBad: 0, members: { inserted: n } });

    const stored = await queryRows<{ household_no: string; address: string; household_type: string; assistance_status: string; name: string; relation: string }>(env.db.orm,
      sql`SELECT h.household_no, h.address, h.household_type, h.assistance_status, m.name, m.relation
          FROM households h JOIN members m ON m.household_id = h.id WHERE h.household_no LIKE 'GB-%'`);
    const byNo = new Map(stored.map((s) => [s.household_no, s]));
    const wrong = households.filter((h, i) => {
      const s = byNo.get(h.no);
      return !s || s.address !== h.address || s.name !== names[i] || s.household_type !== (i % 2 ? 'ordinary' : 'poverty_exit')
        || s.assistance_status !== 'dibao' || s.relation !== 'head';
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(stored.length).toBe(n);
  }, 60_000);

  it('keeps every character of long Chinese text in many .xlsx rows with shared strings, as Excel writes them', async () => {
    // Written by hand (ExcelJS's in-memory writer goes through JSZip, which itself splits surrogate pairs at its
    // 16K-unit string chunks — that would test the writer, not the import).
    const rows = chineseRegistry(2026, 'ZS', 3_000, 1950);
    const strings: string[] = [];
    const index = new Map<string, number>();
    const idx = (t: string) => {
      let i = index.get(t);
      if (i === undefined) index.set(t, (i = strings.push(t) - 1));
      return i;
    };
    const s = (ref: string, t: string) => `<c r="${ref}" t="s"><v>${idx(t)}</v></c>`;
    const sheet = (header: string[], body: (r: (typeof rows)[number], n: number) => string[]) => {
      const cols = 'ABCDEFGHI';
      const row = (n: number, cells: string[]) => `<row r="${n}">${cells.map((c, i) => s(`${cols[i]}${n}`, c)).join('')}</row>`;
      return deflated('sheet', SHEET_HEAD + row(1, header) + rows.map((r, i) => row(i + 2, body(r, i + 2))).join('') + SHEET_TAIL);
    };
    const households = sheet(['户编号', '村级区划代码', '详细地址', '户类型'], (r) => [r.no, R.village, r.address, '脱贫户']);
    const members = sheet(['户编号', '姓名', '身份证号', '与户主关系', '劳动技能', '健康状况'], (r) => [r.no, r.name, r.id, '户主', '普通劳动力', '健康']);
    const file = xlsx(path.join(dir, 'chinese-shared.xlsx'), [{ name: '户信息', part: households }, { name: '成员信息', part: members }], strings);
    await expectStoredIntact(rows, 'ZS', await runImport(file, 'chinese-shared.xlsx'));
  }, 60_000);

  it('keeps every character of long Chinese text in many .xlsx rows with inline strings (ExcelJS streaming writer)', async () => {
    const rows = chineseRegistry(2027, 'ZI', 3_000, 1960);
    const file = path.join(dir, 'chinese-inline.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
    const hh = wb.addWorksheet('户信息');
    hh.addRow(HOUSEHOLD_HEADERS).commit();
    for (const r of rows) hh.addRow(householdRow(r.no, R.village, { 详细地址: r.address })).commit();
    hh.commit();
    const m = wb.addWorksheet('成员信息');
    m.addRow(MEMBER_HEADERS).commit();
    for (const r of rows) m.addRow(memberRow(r.no, r.name, r.id)).commit();
    m.commit();
    await wb.commit();
    await expectStoredIntact(rows, 'ZI', await runImport(file, 'chinese-inline.xlsx'));
  }, 60_000);
});
