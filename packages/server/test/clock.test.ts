import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileOffsetClock, clockFor, systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';

describe('clock', () => {
  it('runs ahead by the days written in the offset file, read on every call, and is only chosen when configured', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'zs-clock-')), 'offset');
    const clock = new FileOffsetClock(file);
    const near = (d: Date, days: number) => Math.abs(d.getTime() - (Date.now() + days * 86_400_000)) < 5_000;
    expect(near(clock.now(), 0)).toBe(true); // no file yet: system time
    writeFileSync(file, '6\n');
    expect(near(clock.now(), 6)).toBe(true);
    writeFileSync(file, '215.5');
    expect(near(clock.now(), 215.5)).toBe(true);
    writeFileSync(file, 'not a number');
    expect(near(clock.now(), 0)).toBe(true);
    expect(clockFor(null)).toBe(systemClock);
    expect(loadConfig({}).clockOffsetFile).toBeNull();
    expect(clockFor(loadConfig({ ZENGSHOU_CLOCK_OFFSET_FILE: file }).clockOffsetFile)).toBeInstanceOf(FileOffsetClock);
  });
});
