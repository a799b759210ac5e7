import { readFileSync } from 'node:fs';

/** Time comes from here, so tests move it instead of sleeping. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
}

/**
 * System time shifted by the number of days written in a file. End-to-end tests and training environments use it
 * to live through a 5-day public notice or six months of monitoring in minutes; it is only ever chosen by
 * ZENGSHOU_CLOCK_OFFSET_FILE, and the server says so loudly at start.
 */
export class FileOffsetClock implements Clock {
  constructor(readonly file: string) {}
  offsetDays(): number {
    try {
      const days = Number(readFileSync(this.file, 'utf8').trim());
      return Number.isFinite(days) ? days : 0;
    } catch {
      return 0;
    }
  }
  now(): Date {
    return new Date(Date.now() + this.offsetDays() * 86_400_000);
  }
}

export function clockFor(offsetFile: string | null): Clock {
  return offsetFile ? new FileOffsetClock(offsetFile) : systemClock;
}
