export {
  startService,
  type ServiceDefinition,
  type ServiceParts,
  type ServiceDeps,
  type RunningService,
} from './start-service';
export { runUntilSignal } from './run-until-signal';
export { runAsMain } from './run-as-main';
