export * from './ledger';
export * from './statement';
export * from './billing-events';
