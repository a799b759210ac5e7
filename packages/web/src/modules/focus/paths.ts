export const FOCUS_PATH = '/focus';
