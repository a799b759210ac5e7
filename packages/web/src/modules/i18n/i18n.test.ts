import { describe, expect, it } from 'vitest';
import { translate } from './i18n';
import { en } from './messages.en';
import { zhCN } from './messages.zh-CN';

describe('translate', () => {
  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(translate('common.total', { total: 12 }, 'zh-CN')).toBe('共 12 条');
    expect(translate('common.total', {}, 'en')).toBe('{total} in total');
  });

  it('has the same keys in both dictionaries and no empty texts', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const text of [...Object.values(en), ...Object.values(zhCN)]) expect(text.trim()).not.toBe('');
  });
});
