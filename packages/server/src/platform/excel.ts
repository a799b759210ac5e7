/**
 * ExcelJS, with one repair. Its streaming reader decodes every compressed chunk of XML to text on its own
 * (exceljs lib/utils/parse-sax.js), so a Chinese character whose three UTF-8 bytes straddle two chunks turns into
 * "���" — in a real import, "健康" became "健���" a few times per ten thousand rows. Below, the same parser is
 * installed with a streaming TextDecoder that carries partial characters over to the next chunk, before ExcelJS
 * loads it. Every module uses ExcelJS through this file.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { rmSync, truncateSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const fromExcelJs = createRequire(parseSaxPath);
const { SaxesParser } = fromExcelJs('saxes') as { SaxesParser: new () => SaxParser };
const { PassThrough } = fromExcelJs('readable-stream') as { PassThrough: new () => NodeJS.ReadWriteStream };

interface SaxParser {
  on(event: string, fn: (value: unknown) => void): void;
  write(text: string): void;
}
type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

/** Text may pile up between two XML events only so far: one cell of hundreds of millions of characters is hostile. */
export const MAX_XML_TEXT_RUN = 5_000_000;

export class ExcelContentTooLargeError extends Error {}

async function* parseSax(source: AsyncIterable<Uint8Array | string> & { pipe?: unknown }): AsyncGenerator<SaxEvent[]> {
  let iterable = source;
  if (typeof source.pipe === 'function' && !(Symbol.asyncIterator in source)) {
    iterable = (source as unknown as NodeJS.ReadableStream).pipe(new PassThrough()) as unknown as typeof source;
  }
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => (error = e));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  let sinceEvent = 0;
  for await (const chunk of iterable) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const before = events.length;
    parser.write(text);
    if (error) throw error;
    sinceEvent = events.length > before ? 0 : sinceEvent + text.length;
    if (sinceEvent > MAX_XML_TEXT_RUN) throw new ExcelContentTooLargeError('cell text too long');
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

if (!require.cache[parseSaxPath]) {
  require.cache[parseSaxPath] = {
    id: parseSaxPath, filename: parseSaxPath, loaded: true, exports: parseSax, children: [], paths: [], path: parseSaxPath,
  } as unknown as NodeJS.Module;
}

/**
 * ExcelJS spools a worksheet stored before the shared strings to a temporary file and deletes it only when that
 * sheet has been read to the end: a refused or failed import would leave it behind. Files it creates inside
 * `withExcelTempFiles` are recorded and always removed when that work ends.
 */
const tmp = fromExcelJs('tmp') as { file: (cb: (err: Error | null, path: string, fd: number, cleanup: () => void) => void) => void };
const tempFiles = new AsyncLocalStorage<Set<string>>();
const createTempFile = tmp.file.bind(tmp);
tmp.file = (cb) => {
  const owner = tempFiles.getStore();
  createTempFile((err, path, fd, cleanup) => {
    if (!err) owner?.add(path);
    cb(err, path, fd, cleanup);
  });
};

export async function withExcelTempFiles<T>(fn: () => Promise<T>): Promise<T> {
  const files = new Set<string>();
  try {
    return await tempFiles.run(files, fn);
  } finally {
    // Emptied now, so the disk is freed at once, but unlinked only a moment later: when the work ends at a sheet
    // boundary ExcelJS may just have asked to open the next spooled sheet, and a file gone before that open completes
    // is an 'error' on a stream nobody listens to any more — an uncaught exception that would stop the server.
    for (const f of files) {
      try {
        truncateSync(f, 0);
      } catch {
        // Already removed by ExcelJS (the sheet was read to the end).
      }
    }
    if (files.size > 0) setTimeout(() => files.forEach((f) => rmSync(f, { force: true })), 5_000).unref();
  }
}

const ExcelJS = require('exceljs') as typeof import('exceljs');
export default ExcelJS;
export type { Row, Workbook, Worksheet } from 'exceljs';
