/**
 * The dependency gate: `npm audit --omit=dev --json` (what readers' browsers
 * and the build run, not the test tools), read into the advisories that block
 * a change (high and critical) or into the reason no answer came.
 *
 * npm audit asks the registry's advisory endpoint. When that cannot answer
 * (no network, or a registry mirror without the endpoint: it answers 405),
 * the outcome is `unavailable` with npm's own message, never a silent pass.
 */
import { spawnSync } from 'node:child_process';

export const BLOCKING = ['high', 'critical'] as const;
export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

export interface BlockingPackage {
  /** The installed package that is vulnerable. */
  name: string;
  severity: Severity;
  /** Its own advisories, `title <url>`, or the packages through which it is vulnerable. */
  advisories: string[];
}

export type AuditOutcome =
  | { kind: 'answered'; counts: Partial<Record<Severity, number>>; blocking: BlockingPackage[] }
  | { kind: 'unavailable'; reason: string };

interface AuditJson {
  auditReportVersion?: number;
  vulnerabilities?: Record<
    string,
    { name: string; severity: Severity; via: (string | { title?: string; url?: string; severity?: Severity })[] }
  >;
  metadata?: { vulnerabilities?: Partial<Record<Severity | 'total', number>> };
  message?: string;
  error?: { code?: string; summary?: string; detail?: string };
}

/** Reads the JSON npm audit printed (format of npm 7 and later). */
export function readAudit(json: string): AuditOutcome {
  let report: AuditJson;
  try {
    report = JSON.parse(json) as AuditJson;
  } catch {
    return { kind: 'unavailable', reason: `npm audit printed no JSON: ${json.trim().slice(0, 300) || '(nothing)'}` };
  }
  if (!report.vulnerabilities) {
    const reason = [report.message, report.error?.code, report.error?.summary, report.error?.detail].filter(Boolean).join(' – ');
    return { kind: 'unavailable', reason: reason || `npm audit answered without a vulnerability list: ${json.slice(0, 300)}` };
  }
  const blocking = Object.values(report.vulnerabilities)
    .filter((vulnerability) => (BLOCKING as readonly string[]).includes(vulnerability.severity))
    .map((vulnerability) => ({
      name: vulnerability.name,
      severity: vulnerability.severity,
      advisories: vulnerability.via.map((via) => (typeof via === 'string' ? `through ${via}` : `${via.title ?? 'advisory'} <${via.url ?? 'no url'}>`)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const { total: _total, ...counts } = report.metadata?.vulnerabilities ?? {};
  return { kind: 'answered', counts, blocking };
}

/** Runs npm audit for the project's runtime dependencies in `cwd`. */
export function runNpmAudit(cwd: string, timeoutMs = 60_000): AuditOutcome {
  const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd, encoding: 'utf8', timeout: timeoutMs });
  if (result.error) return { kind: 'unavailable', reason: `npm audit could not run: ${result.error.message}` };
  // npm audit exits 1 when it finds anything at all: the JSON, not the status, says what.
  return readAudit(result.stdout);
}

/** One line per blocking package, for assertion messages. */
export function formatBlocking(blocking: BlockingPackage[]): string {
  return blocking.map((b) => `${b.name} (${b.severity}): ${b.advisories.join('; ')}`).join('\n');
}
