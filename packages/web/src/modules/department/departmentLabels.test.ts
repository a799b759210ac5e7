import { describe, expect, it } from 'vitest';
import { formatRate, isDepartmentWarning } from './departmentLabels';

describe('department labels', () => {
  it('formats the false-positive rate', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(0.5)).toBe('50%');
    expect(formatRate(0.333)).toBe('33.3%');
    expect(formatRate(0)).toBe('0%');
  });
  it('offers 误报 only on open department warnings without a case', () => {
    expect(isDepartmentWarning({ source: 'department:housing', status: 'open', caseId: null })).toBe(true);
    expect(isDepartmentWarning({ source: 'rules', status: 'open' })).toBe(false);
    expect(isDepartmentWarning({ source: 'department:housing', status: 'closed' })).toBe(false);
    expect(isDepartmentWarning({ source: 'department:housing', status: 'open', caseId: 'c1' })).toBe(false);
  });
});
