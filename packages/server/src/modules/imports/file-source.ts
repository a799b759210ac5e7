import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform, pipeline } from 'node:stream';
import ExcelJS, { ExcelContentTooLargeError, type Row } from '../../platform/excel.ts';
import { parse } from 'csv-parse';
import { DomainError } from '../../platform/errors.ts';
import { inflatedSizeProblem, readZipDirectory } from './zip-inspect.ts';

export type FileKind = 'xlsx' | 'csv';

export interface ImportLimits {
  maxFileBytes: number;
  /** Data rows per sheet (a full Excel sheet has 1,048,575). */
  maxRowsPerSheet: number;
  /** Declared size of all entries once inflated; an .xlsx is XML and compresses ~10×, a bomb ~1000×. */
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
  maxCellChars: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxRowsPerSheet: 500_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxCellChars: 2_000,
};

/** A file refused as a whole, before any row is read or stored. */
export class FileRejectedError extends DomainError {
  constructor(message: string) {
    super(422, 'file_rejected', message);
  }
}

export interface SourceRow {
  sheet: string;
  /** 1-based row number as the user sees it in Excel (the header is row 1). */
  rowNo: number;
  /** Cell values, 0-based by column. */
  values: unknown[];
}

/** Decides what the file really is from its bytes, not its name, and refuses hostile or oversized files. */
export async function inspectFile(path: string, fileName: string, limits: ImportLimits): Promise<FileKind> {
  const { size } = await stat(path);
  if (size === 0) throw new FileRejectedError('文件为空');
  if (size > limits.maxFileBytes) {
    throw new FileRejectedError(`文件大小 ${(size / 1048576).toFixed(1)} MB 超过上限 ${(limits.maxFileBytes / 1048576).toFixed(0)} MB，请拆分后导入`);
  }
  const head = Buffer.alloc(8);
  const fh = await open(path, 'r');
  await fh.read(head, 0, 8, 0);
  await fh.close();
  const lower = fileName.toLowerCase();
  if (head.readUInt32LE(0) === 0x04034b50) {
    const entries = await readZipDirectory(path);
    if (!entries) throw new FileRejectedError('文件已损坏，无法读取（不是有效的 .xlsx 文件）');
    if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw new FileRejectedError('压缩包中没有 Excel 工作簿，不是有效的 .xlsx 文件');
    const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
    const worst = Math.max(...entries.map((e) => (e.compressedSize > 0 ? e.uncompressedSize / e.compressedSize : e.uncompressedSize > 0 ? Infinity : 0)));
    if (total > limits.maxUncompressedBytes || (worst > limits.maxCompressionRatio && total > 10 * 1024 * 1024)) {
      throw new FileRejectedError('文件解压后体积异常（疑似压缩炸弹），已拒绝');
    }
    const inflated = await inflatedSizeProblem(path, entries, Math.min(limits.maxUncompressedBytes, total * 1.01 + 1024 * 1024));
    if (inflated === 'too-large') throw new FileRejectedError('文件解压后体积异常（疑似压缩炸弹），已拒绝');
    if (inflated) throw new FileRejectedError('文件已损坏，无法读取（不是有效的 .xlsx 文件）');
    return 'xlsx';
  }
  if (head.readUInt32BE(0) === 0xd0cf11e0) throw new FileRejectedError('这是旧版 Excel (.xls) 文件，请在 Excel 中另存为 .xlsx 后再导入');
  if (lower.endsWith('.xlsx')) throw new FileRejectedError('文件扩展名是 .xlsx，但内容不是 Excel 文件');
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    if (head.includes(0)) throw new FileRejectedError('CSV 文件中含有二进制内容，无法读取');
    return 'csv';
  }
  throw new FileRejectedError('只支持 .xlsx 或 .csv 文件');
}

/**
 * Streams the rows of every sheet (for a CSV: one sheet named after the file). Never loads the whole file. Whatever
 * the parsers throw on a broken or hostile file becomes a refusal with a Chinese message, never an exception.
 */
export async function* readRows(path: string, kind: FileKind, fileName: string, limits: ImportLimits): AsyncGenerator<SourceRow> {
  try {
    if (kind === 'csv') yield* readCsv(path, fileName, limits);
    else yield* readXlsx(path, limits);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw asRefusal(error, kind);
  }
}

function asRefusal(error: unknown, kind: FileKind): FileRejectedError {
  if (error instanceof ExcelContentTooLargeError || (error instanceof RangeError && /string length/i.test(error.message))) {
    return new FileRejectedError('文件中有内容过长的单元格（超过数百万字符），无法导入');
  }
  const line = (error as { lines?: number }).lines;
  if (kind === 'csv') {
    return new FileRejectedError(`CSV 文件格式有误${line ? `（第 ${line} 行附近）` : ''}：引号不成对或含有无法识别的内容，请用 Excel 另存为 CSV 或 .xlsx 后重试`);
  }
  return new FileRejectedError('Excel 文件内容已损坏或不是标准格式，无法读取，请在 Excel 中打开并另存为 .xlsx 后重试');
}

async function* readXlsx(path: string, limits: ImportLimits): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader as unknown as AsyncIterable<AsyncIterable<Row> & { name: string }>) {
    let count = 0;
    for await (const row of sheet) {
      if (++count > limits.maxRowsPerSheet + 1) {
        throw new FileRejectedError(`工作表「${sheet.name}」超过 ${limits.maxRowsPerSheet.toLocaleString('zh-CN')} 行的上限，请拆分后导入`);
      }
      const raw = row.values as unknown[];
      // ExcelJS rows are 1-based arrays: drop the empty slot 0.
      yield { sheet: sheet.name, rowNo: row.number, values: raw.slice(1) };
    }
  }
}

async function* readCsv(path: string, fileName: string, limits: ImportLimits): AsyncGenerator<SourceRow> {
  const encoding = await sniffEncoding(path);
  const decoder = new TextDecoder(encoding);
  const decode = new Transform({
    transform(chunk: Buffer, _enc, done) {
      // Text never holds a NUL byte: this is a binary file, and the database would refuse it later anyway.
      if (chunk.includes(0)) return done(new FileRejectedError('CSV 文件中含有二进制内容，无法读取'));
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: limits.maxCellChars * 200 });
  // pipeline, not pipe: an error in any stage (a NUL byte, a read error) must end the parser, or the loop below waits forever.
  pipeline(createReadStream(path), decode, parser, () => undefined);
  const sheet = fileName.replace(/\.[^.]+$/, '');
  let rowNo = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    rowNo++;
    if (rowNo > limits.maxRowsPerSheet + 1) {
      parser.destroy();
      throw new FileRejectedError(`文件超过 ${limits.maxRowsPerSheet.toLocaleString('zh-CN')} 行的上限，请拆分后导入`);
    }
    yield { sheet, rowNo, values: record };
  }
}

/** Excel on Chinese Windows saves CSV as GB18030 (GBK); everything else here is UTF-8. */
async function sniffEncoding(path: string): Promise<'utf-8' | 'gb18030'> {
  const fh = await open(path, 'r');
  const buf = Buffer.alloc(65_536);
  const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
  await fh.close();
  let sample = buf.subarray(0, bytesRead);
  // Do not let a multi-byte character cut at the sample's end decide the encoding.
  if (bytesRead === buf.length) sample = sample.subarray(0, sample.lastIndexOf(0x0a) + 1 || sample.length);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}
