/** The id a table reports a paste of rows under: its own id and this suffix (the form then counts the list as touched). */
export const PASTE_SUFFIX = '__paste';
