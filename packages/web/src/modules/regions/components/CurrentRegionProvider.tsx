import { useMemo, useState, type ReactNode } from 'react';
import { CurrentRegionContext } from '../CurrentRegionContext';
import { scopeRegion } from '../scopeRegion';
import type { CurrentRegion } from '../types';

interface CurrentRegionProviderProps {
  scopeCode: string;
  /** Full path of the scope, names separated by spaces ("云南省 迪庆藏族自治州 维西傈僳族自治县"). */
  scopeName: string;
  children: ReactNode;
}

/** Remount (key by user) when the signed-in user changes so the selection starts from the new scope. */
export function CurrentRegionProvider({ scopeCode, scopeName, children }: CurrentRegionProviderProps) {
  const scope = useMemo(() => scopeRegion(scopeCode, scopeName), [scopeCode, scopeName]);
  const [region, setRegion] = useState<CurrentRegion>(scope);
  const value = useMemo(() => ({ region, scope, setRegion }), [region, scope]);
  return <CurrentRegionContext.Provider value={value}>{children}</CurrentRegionContext.Provider>;
}
