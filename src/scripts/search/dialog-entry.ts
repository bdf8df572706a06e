/**
 * Loaded on first use by site-search.ts (as one self-contained module, see
 * there): builds the search dialog inside <site-search> and hands it the
 * function that opens it.
 */
import { createSearchDialog } from './dialog.ts';

const host = document.querySelector<HTMLElement & { openDialog?: () => void }>('site-search');
if (host) host.openDialog = createSearchDialog(host);
