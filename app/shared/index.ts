export * from './api';
export * from './channels';
export * from './errors';
export * from './payloads';
export * from './protocol';
export * from './schemas';
