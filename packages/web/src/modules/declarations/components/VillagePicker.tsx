import { useState } from 'react';
import { Select, Space } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useI18n, type MessageKey } from '../../i18n';
import { publicRegions } from '../api/declarationsApi';
import type { PublicRegion } from '../types';

const LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;

/**
 * The village chosen level by level from the public region lookup (codes and names only): one full-width select
 * per level, which stays usable on a 360-px phone where a cascader's side-by-side columns would not fit.
 */
export function VillagePicker({ onChange }: { value?: string | undefined; onChange?: (code: string | undefined) => void }) {
  const { t } = useI18n();
  // chosen[i] = the code chosen at LEVELS[i]
  const [chosen, setChosen] = useState<string[]>([]);

  const parents = [null, ...chosen];
  const lists = useQueries({
    queries: parents.slice(0, LEVELS.length).map((parent) => ({
      queryKey: ['public-regions', parent],
      queryFn: () => publicRegions(parent),
      staleTime: 3_600_000,
    })),
  });

  const choose = (level: number, code: string | undefined) => {
    const next = code ? [...chosen.slice(0, level), code] : chosen.slice(0, level);
    setChosen(next);
    const last = next[next.length - 1];
    onChange?.(last && last.length === 12 ? last : undefined);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="declare-village-picker">
      {lists.map((q, level) => {
        const items: PublicRegion[] = q.data?.items ?? [];
        if (level > 0 && items.length === 0 && !q.isLoading) return null;
        return (
          <Select
            key={parents[level] ?? 'top'}
            size="large"
            style={{ width: '100%' }}
            showSearch
            optionFilterProp="label"
            loading={q.isLoading}
            placeholder={t(`declare.villageLevel.${LEVELS[level]}` as MessageKey)}
            value={chosen[level]}
            onChange={(code: string | undefined) => choose(level, code)}
            allowClear
            options={items.map((r) => ({ value: r.code, label: r.name }))}
            data-testid={`declare-village-level-${LEVELS[level]}`}
          />
        );
      })}
    </Space>
  );
}
