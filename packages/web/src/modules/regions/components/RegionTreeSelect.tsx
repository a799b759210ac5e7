import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useI18n } from '../../i18n';
import { useLazyRegionTree } from '../hooks/useLazyRegionTree';
import type { RegionNode } from '../types';

interface RegionTreeSelectProps {
  value?: string;
  onChange?: (code: string) => void;
  /** Shown for the current value until its branch has been loaded (e.g. the region name of a user being edited). */
  initialLabel?: string;
  testId?: string;
  disabled?: boolean;
}

interface TreeSelectNode {
  value: string;
  title: string;
  isLeaf: boolean;
  children?: TreeSelectNode[];
}

function toOptions(items: RegionNode[], childrenOf: ReadonlyMap<string, RegionNode[]>): TreeSelectNode[] {
  return items.map((region) => {
    const loaded = childrenOf.get(region.code);
    return {
      value: region.code,
      title: region.name,
      isLeaf: !region.hasChildren || (loaded !== undefined && loaded.length === 0),
      children: loaded ? toOptions(loaded, childrenOf) : undefined,
    };
  });
}

/** Form control choosing a region inside the caller's scope; branches load as they are opened. */
export function RegionTreeSelect({ value, onChange, initialLabel, testId, disabled }: RegionTreeSelectProps) {
  const { t } = useI18n();
  const tree = useLazyRegionTree();
  const treeData = useMemo(() => toOptions(tree.roots, tree.childrenOf), [tree.roots, tree.childrenOf]);

  // labelInValue lets us show a name for a value whose branch is not loaded yet.
  const path = value ? tree.pathTo(value) : [];
  const label = path.length ? path.map((node) => node.name).join(' / ') : (initialLabel ?? value);
  const selected = value ? { value, label } : undefined;

  return (
    <TreeSelect
      labelInValue
      value={selected}
      onChange={(next: { value: string } | undefined) => onChange?.(next?.value ?? '')}
      treeData={treeData}
      loadData={async (node) => {
        const code = String(node.value);
        if (!tree.childrenOf.has(code)) await tree.loadChildren(code);
      }}
      loading={tree.isLoading}
      disabled={disabled}
      showSearch={false}
      allowClear
      placeholder={t('region.selectPlaceholder')}
      notFoundContent={tree.error ? tree.error.message : undefined}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
