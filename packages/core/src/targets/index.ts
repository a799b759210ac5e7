// income targets: filled in by its module.
export {};
