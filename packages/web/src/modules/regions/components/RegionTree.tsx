import { useEffect, useMemo, useState, type Key } from 'react';
import { Alert, Empty, Spin, Tree, type TreeDataNode } from 'antd';
import { useI18n } from '../../i18n';
import { useCurrentRegion } from '../hooks/useCurrentRegion';
import { useLazyRegionTree } from '../hooks/useLazyRegionTree';
import type { RegionNode } from '../types';

function toTreeNodes(items: RegionNode[], childrenOf: ReadonlyMap<string, RegionNode[]>): TreeDataNode[] {
  return items.map((region) => {
    const loaded = childrenOf.get(region.code);
    return {
      key: region.code,
      title: <span data-testid={`region-node-${region.code}`}>{region.name}</span>,
      isLeaf: !region.hasChildren || (loaded !== undefined && loaded.length === 0),
      children: loaded ? toTreeNodes(loaded, childrenOf) : undefined,
    };
  });
}

/** The user's scope as a lazily loaded tree; picking a node sets the global current region. */
export function RegionTree() {
  const { t } = useI18n();
  const { region, scope, setRegion } = useCurrentRegion();
  const tree = useLazyRegionTree();
  // null = not touched yet: the scope root starts open, so a county clerk sees the townships straight away.
  const [expandedKeys, setExpandedKeys] = useState<Key[] | null>(null);
  const { roots, childrenOf, loadChildren } = tree;
  const root = roots.length === 1 ? roots[0] : undefined;
  const rootOpensOnMount = !!root?.hasChildren;

  useEffect(() => {
    if (root && rootOpensOnMount) void loadChildren(root.code);
  }, [root, rootOpensOnMount, loadChildren]);

  // Mount the tree only once the root's children are there: expanding it later would animate, and a click
  // during that animation is lost.
  const waitingForRoot = !!root && rootOpensOnMount && !childrenOf.has(root.code);

  const treeData = useMemo(() => toTreeNodes(tree.roots, tree.childrenOf), [tree.roots, tree.childrenOf]);

  const select = (code: string) => {
    const path = tree.pathTo(code);
    const below = path.slice(1).map((node) => node.name);
    const target = path.at(-1);
    if (!target) return;
    setRegion({ code, name: target.name, trail: [...(scope.trail.length ? scope.trail : [path[0]?.name ?? '']), ...below] });
  };

  let body;
  if (tree.isLoading || waitingForRoot) body = <Spin size="small" />;
  else if (tree.error) body = <Alert type="error" showIcon title={tree.error.message} />;
  else if (treeData.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('region.empty')} />;
  else {
    body = (
      <Tree
        blockNode
        treeData={treeData}
        selectedKeys={[region.code]}
        expandedKeys={expandedKeys ?? (root && rootOpensOnMount ? [root.code] : [])}
        onExpand={(keys) => setExpandedKeys(keys)}
        loadData={async (node) => {
          if (!node.children) await tree.loadChildren(String(node.key));
        }}
        onSelect={(keys) => {
          // Clicking the selected node again deselects it in antd; keep the region instead.
          const key = keys[0];
          if (key !== undefined) select(String(key));
        }}
      />
    );
  }

  return (
    <div className="region-tree" data-testid="region-tree" aria-label={t('region.treeLabel')}>
      {body}
    </div>
  );
}
