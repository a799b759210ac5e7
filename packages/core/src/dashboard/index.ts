// dashboard and rollup definitions: filled in by its module.
export {};
