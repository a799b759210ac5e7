// National-format exchange: filled in by its module.
export {};
