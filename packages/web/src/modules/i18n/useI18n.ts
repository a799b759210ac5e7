import { useCallback, useSyncExternalStore } from 'react';
import {
  getLanguage,
  setLanguage,
  subscribeLanguage,
  translate,
  type Language,
  type MessageKey,
  type MessageParams,
} from './i18n';

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
}

export function useI18n(): I18n {
  const language = useSyncExternalStore(subscribeLanguage, getLanguage, getLanguage);
  const t = useCallback(
    (key: MessageKey, params?: MessageParams) => translate(key, params, language),
    [language],
  );
  return { language, setLanguage, t };
}
