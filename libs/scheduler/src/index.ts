export { Scheduler, type ScheduledJob, type LeaseStore, type SchedulerOptions } from './scheduler';
