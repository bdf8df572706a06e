/**
 * <theme-toggle>: a button that flips the page between light and dark and
 * remembers the choice. Without JavaScript the button is hidden by CSS
 * (`scripting: none`) and the page follows the system theme.
 */
type Theme = 'light' | 'dark';

function currentTheme(): Theme {
  const set = document.documentElement.dataset['theme'];
  if (set === 'light' || set === 'dark') return set;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

class ThemeToggle extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    if (!button) return;
    const sync = () => button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
    sync();
    button.addEventListener('click', () => {
      const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset['theme'] = next;
      try {
        localStorage.setItem('theme', next);
      } catch {
        // Private mode: the choice holds for this page only.
      }
      sync();
    });
  }
}

customElements.define('theme-toggle', ThemeToggle);
