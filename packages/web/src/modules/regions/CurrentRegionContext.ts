import { createContext } from 'react';
import type { CurrentRegion } from './types';

export interface CurrentRegionValue {
  region: CurrentRegion;
  scope: CurrentRegion;
  setRegion: (region: CurrentRegion) => void;
}

export const CurrentRegionContext = createContext<CurrentRegionValue | null>(null);
