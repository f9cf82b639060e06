import { registerAutofill } from '../forms/ui/fill/background/autofill-service';

export default defineBackground(() => {
  registerAutofill();
  // Message handling is added by the drafts and autofill features (shared/messages.ts).
});
