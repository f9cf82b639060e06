import { mouse } from './events';

/** A full pointer click (some libraries act on mousedown, others on click). */
export function click(el: Element): void {
  mouse(el, 'mousedown');
  mouse(el, 'mouseup');
  (el as HTMLElement).click();
}
