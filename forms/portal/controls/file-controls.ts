/**
 * Upload controls: a native `input[type=file]`, or a library's upload area around a hidden one
 * (Element's el-upload, Ant Design's Upload, layui's upload button). A material is put in the way the
 * browser itself does after a user picks a file — the input's FileList set through DataTransfer, then
 * `input` and `change` — and read back from the file names the control then lists.
 */
import { visibleText } from '../dom/labels';
import { fire } from '../dom/events';
import type { Control } from './control';

export interface FileControl extends Control {
  attach(file: File): Promise<void>;
}

export function fileInputOf(root: Element): HTMLInputElement | null {
  const w = (root.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  if (root instanceof w.HTMLInputElement && root.type === 'file') return root;
  return root.querySelector('input[type="file"]');
}

export function fileControl(root: Element, input: HTMLInputElement): FileControl {
  // the list a library shows after choosing (el-upload-list, ant-upload-list, a page's own span): the
  // control's box, or its form item when the list sits beside the button
  const box = root.closest('.el-form-item, .ant-form-item, .layui-form-item, .ivu-form-item, .form-group, td, li') ?? root;
  const names = (): string[] => [...(input.files ?? [])].map((f) => f.name);
  return {
    kind: 'file-input',
    root,
    inputs: [],
    textInputs: [],
    role: 'file',
    // what a person sees: a file name shown near the control (a chosen file some libraries clear from
    // the input once they took it)
    read: () => {
      const text = visibleText(box);
      const shown = names().filter((n) => text.includes(n));
      return shown.length ? shown : names();
    },
    async write() {
      // a material needs its bytes: attach() is the way in
    },
    async attach(file) {
      const w = (input.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
      const dt = new w.DataTransfer();
      dt.items.add(file);
      input.files = dt.files;
      fire(input, 'input');
      fire(input, 'change');
    },
  };
}

/** A File from the base64 bytes the background sent. */
export function fileFrom(doc: Document, data: string, name: string, type: string): File {
  const w = (doc.defaultView ?? window) as Window & typeof globalThis;
  const bin = w.atob(data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new w.File([bytes], name, { type });
}
