/**
 * <theme-toggle>: the reader picks follow-the-system, light or dark from the
 * menu the button opens (ThemeToggle.astro). The choice applies at once and
 * is remembered in localStorage "theme" ("light" or "dark"), which
 * ThemeScript reads before the first paint. Following the system stores
 * nothing and sets no data-theme, so the page's colours follow
 * prefers-color-scheme live (light-dark() in tokens.css).
 *
 * Without JavaScript the control is hidden by CSS (`scripting: none`) and the
 * page follows the system.
 */
const root = document.documentElement;

class ThemeToggle extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button')!;
    const menu = this.querySelector<HTMLElement>('[popover]')!;
    const currentChoice = () => menu.querySelector<HTMLInputElement>(`[value="${root.dataset['theme'] ?? 'system'}"]`);
    currentChoice()!.checked = true;

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
      if ((event as ToggleEvent).newState === 'open') currentChoice()?.focus();
    };
    menu.addEventListener('focusout', (event) => {
      const next = event.relatedTarget;
      if (next instanceof Node && next !== button && !menu.contains(next)) menu.hidePopover();
    });
  }
}

customElements.define('theme-toggle', ThemeToggle);
