export const DECLARE_PATH = '/declare';
export const DECLARE_STATUS_PATH = '/declare/status';
export const DECLARATIONS_PATH = '/cases/declarations';
