// Every step of the e2e run, in the order they run (names as printed and as --only takes them).
import { matrixReloadStep, matrixStep } from './matrix.e2e';
import type { Step } from './step-runner';
import { completionLayerStep, grammarColoursStep, hoverLayerStep, quickFixStep } from './steps-editor';
import { crashRestartStep, inHostSuiteStep, noNotificationsStep } from './steps-host';
import { cleanHasNoneStep, mistakesListedStep, severitySettingStep } from './steps-problems';

export const steps: Step[] = [
  mistakesListedStep,
  cleanHasNoneStep,
  hoverLayerStep,
  grammarColoursStep,
  completionLayerStep,
  quickFixStep,
  severitySettingStep,
  // The responsibility matrix view (matrix.e2e.ts): cells, outlined violation, click reveals, live edit.
  matrixStep,
  noNotificationsStep,
  inHostSuiteStep,
  crashRestartStep,
  // Last: a window reload restarts the extension host (the view is restored by its serializer).
  matrixReloadStep,
];
