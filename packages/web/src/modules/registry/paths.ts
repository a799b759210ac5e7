export const HOUSEHOLDS_PATH = '/registry/households';
export const IMPORT_PATH = '/registry/import';
export const householdPath = (id: string) => `${HOUSEHOLDS_PATH}/${encodeURIComponent(id)}`;
