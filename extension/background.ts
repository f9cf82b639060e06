import { registerAutofill } from '../shared/autofill/autofill-service';

export default defineBackground(() => {
  registerAutofill();
});
