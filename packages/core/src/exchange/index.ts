// national-format exchange layout: filled in by its module.
export {};
