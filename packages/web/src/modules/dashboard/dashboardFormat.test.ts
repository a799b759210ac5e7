import { describe, expect, it } from 'vitest';
import { countOf, formatFen, formatRate, formatShare, percentOf, shareOf, yuanOf } from './dashboardFormat';

describe('dashboard number formats', () => {
  it('prints shares as percentages with one decimal, and nothing for a missing share', () => {
    expect(formatShare(0.125)).toBe('12.5%');
    expect(formatShare(0)).toBe('0.0%');
    expect(formatShare(1 / 3)).toBe('33.3%');
    expect(formatShare(null)).toBe('—');
    expect(formatShare(Number.NaN)).toBe('—');
  });

  it('signs growth rates', () => {
    expect(formatRate(0.082)).toBe('+8.2%');
    expect(formatRate(-0.03)).toBe('-3.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(undefined)).toBe('—');
  });

  it('prints fen as yuan and leaves missing money empty', () => {
    expect(formatFen(1_384_700)).toBe('13,847.00 元');
    expect(formatFen(-5)).toBe('-0.05 元');
    expect(formatFen(null)).toBe('—');
  });

  it('gives charts numbers or null, never NaN', () => {
    expect(yuanOf(12_345)).toBe(123.45);
    expect(yuanOf(null)).toBeNull();
    expect(percentOf(0.12345)).toBe(12.3);
    expect(percentOf(Number.POSITIVE_INFINITY)).toBeNull();
    expect(shareOf(5, 0)).toBeNull();
    expect(shareOf(1, 4)).toBe(0.25);
  });

  it('reads int8 counts that arrive as text', () => {
    expect(countOf('42')).toBe(42);
    expect(countOf(null)).toBe(0);
    expect(countOf('x')).toBe(0);
    expect(countOf(-1)).toBe(0);
  });
});
