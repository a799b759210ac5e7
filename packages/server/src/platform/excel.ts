/**
 * ExcelJS, with one repair. Its streaming reader decodes every compressed chunk of XML to text on its own
 * (exceljs lib/utils/parse-sax.js), so a Chinese character whose three UTF-8 bytes straddle two chunks turns into
 * "���" — in a real import, "健康" became "健���" a few times per ten thousand rows. Below, the same parser is
 * installed with a streaming TextDecoder that carries partial characters over to the next chunk, before ExcelJS
 * loads it. Every module uses ExcelJS through this file.
 */
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
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
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

const ExcelJS = require('exceljs') as typeof import('exceljs');
export default ExcelJS;
export type { Row, Workbook, Worksheet } from 'exceljs';
