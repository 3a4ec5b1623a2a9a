export * from './api';
export * from './channels';
export * from './errors';
export * from './payloads';
export * from './process-delta';
export * from './protocol';
export * from './schemas';
export * from './settings';
