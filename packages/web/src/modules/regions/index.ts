export type { CurrentRegion, RegionLevel, RegionNode } from './types';
export { useCurrentRegion } from './hooks/useCurrentRegion';
export { useRegionChildren } from './hooks/useRegionChildren';
export { CurrentRegionProvider } from './components/CurrentRegionProvider';
export { RegionBreadcrumb } from './components/RegionBreadcrumb';
export { RegionTree } from './components/RegionTree';
export { RegionTreeSelect } from './components/RegionTreeSelect';
export { useRegionNames } from './hooks/useRegionNames';
