export { getLanguage, setLanguage, translate } from './i18n';
export type { Language, MessageKey, MessageParams } from './i18n';
export { useI18n } from './useI18n';
export type { I18n } from './useI18n';
export { LanguageSwitch } from './components/LanguageSwitch';
export { LocalizedConfigProvider } from './components/LocalizedConfigProvider';
