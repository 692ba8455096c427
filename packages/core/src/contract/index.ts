export * from './vocabulary.js';
export * from './common.js';
export * from './error.js';
export * from './org.js';
export * from './rating.js';
