/**
 * What the popup answers with, imported when the app has mounted (extension/popup-app.tsx): the active
 * pack and the check engine (JSON Logic, rules, citations) that answers from it.
 */
export { checkForms } from '../../core/checks/check-forms';
export { loadActivePack } from '../../../shared/active-pack';
export { CheckAnswer } from './CheckAnswer';
