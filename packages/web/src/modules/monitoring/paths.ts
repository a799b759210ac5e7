export const WARNINGS_PATH = '/monitoring/warnings';
export const LINES_PATH = '/monitoring/lines';
