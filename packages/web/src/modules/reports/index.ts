// Reports and assessment: filled in by its module.
export {};
