export * from './ledger';
export * from './statement';
export * from './billing-events';
export * from './credits';
export * from './subsidy';
export * from './open-use';
