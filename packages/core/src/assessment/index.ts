// quarterly assessment scoring: filled in by its module.
export {};
