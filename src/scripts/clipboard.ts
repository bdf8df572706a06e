/**
 * Copies text, with an HTML version when given (so italics survive a paste
 * into a word processor). Resolves false when the browser refuses (no
 * permission, or a page not served over HTTPS): the caller then says so.
 */
export async function copyToClipboard(text: string, html?: string): Promise<boolean> {
  try {
    if (html !== undefined && typeof ClipboardItem === 'function') {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    return true;
  } catch {
    return false;
  }
}

/** Shows "copied" on a control for a moment (CSS reads the attribute). */
export function flashCopied(control: HTMLElement, copied: boolean): void {
  control.dataset['copied'] = copied ? 'yes' : 'no';
  setTimeout(() => delete control.dataset['copied'], 2000);
}
