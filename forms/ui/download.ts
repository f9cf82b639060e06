/** Saves text as a file through a temporary object URL (extension pages; no downloads permission needed). */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A JSON value as a readable (indented) .json file. */
export const downloadJson = (name: string, value: unknown): void => downloadText(name, JSON.stringify(value, null, 2));
