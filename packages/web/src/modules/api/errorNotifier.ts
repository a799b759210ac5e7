/**
 * The query cache lives outside React, but antd's message API must come from inside <App> to follow the theme
 * and locale; a bridge component registers the real notifier here.
 */
type Notifier = (text: string) => void;

let notifier: Notifier = (text) => console.error(text);

export function setErrorNotifier(next: Notifier): void {
  notifier = next;
}

export function notifyError(text: string): void {
  notifier(text);
}
