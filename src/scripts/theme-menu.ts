/**
 * The theme menu, loaded by theme-toggle.ts the first time the reader
 * reaches for the button 主题: three radio buttons in a native popover,
 * follow the system (the default), light or dark. Opening, Escape, a click
 * outside and the arrow keys need no code of ours, and assistive technology
 * knows them.
 *
 * The choice applies at once and is remembered in localStorage "theme"
 * ("light" or "dark"), which ThemeScript reads before the first paint.
 * Following the system stores nothing and sets no data-theme, so the page's
 * colours follow prefers-color-scheme live (light-dark() in tokens.css).
 */
import menuStyles from '../styles/theme-menu.css?inline';

const root = document.documentElement;
const THEMES = [
  ['system', '跟随系统'],
  ['light', '浅色'],
  ['dark', '深色'],
] as const;

function createMenu(host: HTMLElement): HTMLElement {
  const style = document.createElement('style');
  style.textContent = menuStyles;
  document.head.append(style);

  const button = host.querySelector('button')!;
  const menu = document.createElement('div');
  menu.id = 'theme-menu';
  menu.className = 'theme-menu';
  menu.popover = 'auto';
  menu.setAttribute('role', 'radiogroup');
  menu.setAttribute('aria-label', '主题');
  const current = root.dataset['theme'] ?? 'system';
  for (const [value, name] of THEMES) {
    const label = document.createElement('label');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'theme';
    radio.value = value;
    radio.checked = value === current;
    label.append(radio, name);
    menu.append(label);
  }
  host.append(menu);
  button.popoverTargetElement = menu;

  // A tap or click on a choice closes the menu, as a menu does (a click the
  // keyboard makes has no click count); arrow keys only move the choice,
  // trying each theme in turn; Enter or Escape closes.
  menu.onclick = (event) => {
    if (event.detail > 0) menu.hidePopover();
  };
  menu.onkeydown = (event) => {
    if (event.key === 'Enter') menu.hidePopover();
  };
  menu.onchange = (event) => {
    const theme = (event.target as HTMLInputElement).value;
    if (theme === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = theme;
    try {
      if (theme === 'system') localStorage.removeItem('theme');
      else localStorage.setItem('theme', theme);
    } catch {
      // Private mode: the choice holds for this page only.
    }
  };
  // The reader starts on the current choice, and tabbing on past the menu
  // closes it (not on the way to its button, whose click toggles it).
  menu.ontoggle = (event) => {
    if ((event as ToggleEvent).newState === 'open') menu.querySelector<HTMLInputElement>('input:checked')?.focus();
  };
  menu.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (next instanceof Node && next !== button && !menu.contains(next)) menu.hidePopover();
  });
  return menu;
}

const host = document.querySelector<HTMLElement & { openMenu?: () => void }>('theme-toggle');
if (host) {
  const menu = createMenu(host);
  host.openMenu = () => menu.showPopover();
}
