import { registerAutofill } from '../forms/ui/fill/background/autofill-service';

export default defineBackground(() => {
  registerAutofill();
});
