/**
 * Setup file of the project "build (added report)" (vitest.config.ts): the
 * site with an added report must exist before a test file is collected, as
 * the files list the reports while they are read. The first file builds it;
 * the others, in this process or another, reuse that build.
 */
import { ensureAddedReportSite } from './added-report-site.ts';

ensureAddedReportSite();
