export default defineBackground(() => {
  // Message handling is added by the drafts and autofill features (shared/messages.ts).
});
