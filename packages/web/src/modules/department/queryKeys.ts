export const departmentKeys = {
  all: ['department'] as const,
  lists: ['department', 'lists'] as const,
  list: (id: string) => ['department', 'lists', id] as const,
  rates: ['department', 'rates'] as const,
};
