// Every step of the e2e run, in the order they run (names as printed and as --only takes them).
import { matrixBaselineStep, matrixReloadStep, matrixStep } from './matrix.e2e';
import { baselineCompletionStep, baselineEditionStep } from './steps-baselines';
import type { Step } from './step-runner';
import { completionLayerStep, grammarColoursStep, hoverLayerStep, quickFixStep } from './steps-editor';
import { crashRestartStep, inHostSuiteStep, noNotificationsStep } from './steps-host';
import { cleanHasNoneStep, mistakesListedStep, severitySettingStep } from './steps-problems';
import { serviceCompletionStep, serviceQuickFixStep } from './steps-services';
import { checkWorkspaceStep, definitionAcrossFilesStep, inlayHintStep, renameAcrossFilesStep } from './steps-workspace';

export const steps: Step[] = [
  mistakesListedStep,
  cleanHasNoneStep,
  hoverLayerStep,
  grammarColoursStep,
  completionLayerStep,
  quickFixStep,
  severitySettingStep,
  // Baselines (steps-baselines.ts): microsoft-2026's findings and hover, completion under microsoft-ai.
  baselineEditionStep,
  baselineCompletionStep,
  // The service catalogue (steps-services.ts): completion of service values, the model fix.
  serviceCompletionStep,
  serviceQuickFixStep,
  // The responsibility matrix view (matrix.e2e.ts): cells, outlined violation, click reveals, live edit.
  matrixStep,
  // The view of a document under a custom baseline: the row the baseline adds.
  matrixBaselineStep,
  // The editor across files (steps-workspace.ts): definition, rename, inlay hint, Check Workspace.
  definitionAcrossFilesStep,
  renameAcrossFilesStep,
  inlayHintStep,
  checkWorkspaceStep,
  noNotificationsStep,
  inHostSuiteStep,
  crashRestartStep,
  // Last: a window reload restarts the extension host (the view is restored by its serializer).
  matrixReloadStep,
];
