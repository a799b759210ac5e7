// Dashboard: filled in by its module.
export {};
