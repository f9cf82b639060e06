/**
 * What the popup loads after its first frame (dynamic import, extension/popup/main.tsx): the active
 * pack and the check engine (JSON Logic, rules, citations) that answers from it.
 */
export { packChecks } from '../../core/checks/pack-checks';
export { loadActivePack } from '../../../shared/active-pack';
export { CheckAnswer } from './CheckAnswer';
