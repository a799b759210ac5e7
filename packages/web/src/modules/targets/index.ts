// Income targets: filled in by its module.
export {};
