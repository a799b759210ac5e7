export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village';

export interface RegionNode {
  /** Code prefix identifying the region (2/4/6/9/12 digits). */
  code: string;
  name: string;
  level: RegionLevel;
  hasChildren: boolean;
}

export interface CurrentRegion {
  code: string;
  name: string;
  /** Names from the top level down to this region, for the breadcrumb. */
  trail: string[];
}
