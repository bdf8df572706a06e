/**
 * <theme-toggle>: the button 主题 (ThemeToggle.astro) opens a menu of three
 * themes: follow the system, light or dark. The menu and its code
 * (theme-menu.ts) load the first time the reader reaches for the button
 * (pointer down or focus, so they are usually there by the click): most
 * readers never change the theme, and a report page carries only the button.
 *
 * Without JavaScript the control is hidden by CSS (`scripting: none`) and the
 * page follows the system.
 */
import menuUrl from './theme-menu.ts?worker&url';
import { loadModule } from './load-header-module.ts';

class ThemeToggle extends HTMLElement {
  /** Set by theme-menu.ts once it has built the menu: opens it. */
  openMenu?: () => void;
  #loading: Promise<void> | undefined;

  connectedCallback(): void {
    const button = this.querySelector('button')!;
    const load = () => (this.#loading ??= loadModule(menuUrl));
    button.addEventListener('pointerdown', load);
    button.addEventListener('focus', load);
    // Once the menu is built it is the button's popover target, and the
    // button opens and closes it natively; a click before that opens it here.
    button.addEventListener('click', () => {
      if (!button.popoverTargetElement) void load().then(() => this.openMenu?.());
    });
  }
}

customElements.define('theme-toggle', ThemeToggle);
