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
type Preference = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'theme';

function isPinned(value: unknown): value is 'light' | 'dark' {
  return value === 'light' || value === 'dark';
}

function currentPreference(): Preference {
  const theme = document.documentElement.dataset['theme'];
  return isPinned(theme) ? theme : 'system';
}

function apply(preference: Preference): void {
  if (preference === 'system') delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = preference;
}

function remember(preference: Preference): void {
  try {
    if (preference === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, preference);
  } catch {
    // Private mode: the choice holds for this page only.
  }
}

class ThemeToggle extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    const menu = this.querySelector<HTMLElement>('[popover]');
    if (!button || !menu) return;
    const radios = [...menu.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    const checkedRadio = () => radios.find((radio) => radio.checked);
    // "主题" from the markup, then the choice: "主题：深色".
    const name = button.getAttribute('aria-label') ?? '';

    const sync = () => {
      const preference = currentPreference();
      for (const radio of radios) radio.checked = radio.value === preference;
      const label = checkedRadio()?.labels?.[0]?.textContent?.trim();
      if (label) button.setAttribute('aria-label', `${name}：${label}`);
    };
    sync();

    // A tap or click on a choice closes the menu, as a menu does; the arrow
    // keys only move the choice (trying each theme in turn), and Enter or
    // Escape closes.
    let chosenByPointer = false;
    menu.addEventListener('pointerdown', () => (chosenByPointer = true));
    menu.addEventListener('keydown', (event) => {
      chosenByPointer = false;
      if (event.key === 'Enter') menu.hidePopover();
    });
    menu.addEventListener('change', () => {
      const preference = checkedRadio()?.value;
      if (preference !== 'system' && !isPinned(preference)) return;
      apply(preference);
      remember(preference);
      sync();
      if (chosenByPointer) menu.hidePopover();
    });
    // Opened from the keyboard or not, the reader starts on the current choice.
    menu.addEventListener('toggle', (event) => {
      if ((event as ToggleEvent).newState === 'open') checkedRadio()?.focus();
    });
    // Tabbing on past the menu closes it rather than leaving it over the page.
    // (Not on the way to its button, whose click toggles the menu itself.)
    menu.addEventListener('focusout', (event) => {
      const next = event.relatedTarget;
      if (next instanceof Node && !menu.contains(next) && next !== button) menu.hidePopover();
    });
    // A choice made in another tab applies here too.
    addEventListener('storage', (event) => {
      if (event.key !== STORAGE_KEY && event.key !== null) return;
      apply(isPinned(event.newValue) ? event.newValue : 'system');
      sync();
    });
  }
}

customElements.define('theme-toggle', ThemeToggle);
