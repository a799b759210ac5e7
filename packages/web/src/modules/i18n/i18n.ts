import { zhCN, type MessageKey } from './messages.zh-CN';
import { en } from './messages.en';

export type Language = 'zh-CN' | 'en';
export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const STORAGE_KEY = 'zengshou.language';
const dictionaries: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

function initialLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    // Storage can be unavailable (private mode, sandboxed frames); Chinese is the default anyway.
    return 'zh-CN';
  }
}

let current: Language = initialLanguage();
const listeners = new Set<() => void>();

export function getLanguage(): Language {
  return current;
}

export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    /* not persisted; the switch still applies to this page */
  }
  for (const listener of listeners) listener();
}

export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Usable outside React (e.g. the HTTP client's fallback messages). */
export function translate(key: MessageKey, params?: MessageParams, language: Language = current): string {
  const template = dictionaries[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
