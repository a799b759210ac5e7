// National-format exchange (国家系统格式交换): the layout of the file and its cell conversions, both ways.
export * from './national-layout.ts';
export * from './exchange-cells.ts';
export * from './exchange-cases.ts';
