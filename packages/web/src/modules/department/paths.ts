export const DEPARTMENT_PATH = '/department';
