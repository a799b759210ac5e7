import { useCallback } from 'react';
import type { RegistryEnum } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { enumLabel, enumOptions } from '../enumLabels';

export function useEnumLabel() {
  const { language } = useI18n();
  const label = useCallback(
    <C extends string | number>(def: RegistryEnum<C>, code: C | null | undefined) => enumLabel(def, code, language),
    [language],
  );
  const options = useCallback(<C extends string | number>(def: RegistryEnum<C>) => enumOptions(def, language), [language]);
  return { label, options };
}
