// Reads the report of n8n's community-package scanner (@n8n/scan-community-package) and decides
// which findings `npm run scan` accepts. The scanner returns ESLint's "stylish" text, not data.

export interface ScanFinding {
	file: string;
	line: number;
	column: number;
	severity: 'error' | 'warning';
	message: string;
	/** The ESLint rule, or '(parse error)' when the file could not be read as code. */
	rule: string;
}

const ANSI_COLOUR = /\u001b\[[0-9;]*m/g;
const FINDING_LINE = /^\s+(\d+):(\d+)\s+(error|warning)\s+(.*?)(?:\s{2,}(\S+))?\s*$/;
const SUMMARY_LINE = /^\s*✖ \d+ problems?/;

/** The findings in a stylish report: a file's path on its own line, then one line per finding. */
export function parseStylishReport(report: string): ScanFinding[] {
	const findings: ScanFinding[] = [];
	let file = '';
	for (const rawLine of report.replace(ANSI_COLOUR, '').split('\n')) {
		if (rawLine.trim() === '' || SUMMARY_LINE.test(rawLine)) continue;
		const match = FINDING_LINE.exec(rawLine);
		if (match) {
			const [, line, column, severity, message, rule] = match;
			findings.push({
				file,
				line: Number(line),
				column: Number(column),
				severity: severity as ScanFinding['severity'],
				message,
				rule: rule ?? '(parse error)',
			});
		} else if (!/^\s/.test(rawLine)) {
			file = rawLine.trim();
		}
	}
	return findings;
}

const RESTRICTED_IMPORT_RULE = '@n8n/community-nodes/no-restricted-imports';
const RUNTIME_DEPENDENCIES_RULE = '@n8n/community-nodes/no-runtime-dependencies';
const IMPORTED_MODULE = /^(?:Import|Require|Dynamic import) of '([^']+)'/;
const REGISTRATION_RULE = '@n8n/community-nodes/node-registration-complete';
const UNREGISTERED_VERSION_FILE =
	/^The node file "nodes\/([^/]+)\/v\d+\/[^/"]+\.node\.ts" is not registered/;

/** The npm package a module path belongs to: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function packageOfModule(modulePath: string): string {
	const parts = modulePath.split('/');
	return modulePath.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The findings we keep by design: runtime dependencies (package.json `dependencies`), and imports
 * of exactly those packages. Any other finding, including an import of a Node.js module such as
 * `fs` or of a package that is not a runtime dependency, has to be fixed.
 */
export function isAcceptedFinding(
	finding: ScanFinding,
	runtimeDependencies: readonly string[],
	registeredNodes: readonly string[] = [],
): boolean {
	if (finding.rule === RUNTIME_DEPENDENCIES_RULE) return true;
	if (finding.rule === REGISTRATION_RULE)
		return isVersionOfRegisteredNode(finding, registeredNodes);
	if (finding.rule !== RESTRICTED_IMPORT_RULE) return false;
	const imported = IMPORTED_MODULE.exec(finding.message)?.[1];
	return imported !== undefined && runtimeDependencies.includes(packageOfModule(imported));
}

/**
 * A version file (`nodes/<Node>/v1/<Node>V1.node.ts`) of a registered VersionedNodeType entry
 * (`dist/nodes/<Node>/<Node>.node.js`): n8n loads it through the entry. The scanner bundles
 * @n8n/eslint-plugin-community-nodes 0.29.0, whose node-registration-complete rule does not know
 * versioned nodes yet; 0.32.0 (our `npm run lint`) exempts them, and still checks every other node file.
 */
function isVersionOfRegisteredNode(
	finding: ScanFinding,
	registeredNodes: readonly string[],
): boolean {
	const node = UNREGISTERED_VERSION_FILE.exec(finding.message)?.[1];
	return node !== undefined && registeredNodes.includes(`dist/nodes/${node}/${node}.node.js`);
}

/** Findings counted by rule, most frequent first. */
export function countByRule(
	findings: readonly ScanFinding[],
): Array<[rule: string, count: number]> {
	const counts = new Map<string, number>();
	for (const { rule } of findings) counts.set(rule, (counts.get(rule) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
