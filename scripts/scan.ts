// npm run scan: n8n's community-package scanner (@n8n/scan-community-package, what n8n runs before
// it lists or verifies a community package) on this package before it is published, in its two legs:
// the source (package.json, nodes/, credentials/) and the packed tarball (compiled .js and the
// published package.json). `npm run scan` builds first, so the tarball holds the current dist/.
// Fails on every finding except those we keep by design: runtime dependencies, and imports of them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import {
	countByRule,
	isAcceptedFinding,
	parseStylishReport,
	type ScanFinding,
} from './scanFindings';

interface AnalysisResult {
	passed: boolean;
	message?: string;
	details?: string;
}

interface Scanner {
	analyzePackage(packageDir: string, filePatterns: string[]): Promise<AnalysisResult>;
	SOURCE_FILE_PATTERNS: string[];
}

/** The tarball leg's file patterns, as the scanner's analyzePackageByName uses them. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

const root = resolve(__dirname, '..');
const workDir = join(root, '.cache', 'scan');

function packTarball(): string {
	rmSync(workDir, { recursive: true, force: true });
	mkdirSync(join(workDir, 'package'), { recursive: true });
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], {
			cwd: root,
			encoding: 'utf8',
		}),
	) as Array<{ filename: string }>;
	const tarball = join(workDir, packed[0].filename);
	execFileSync('tar', ['-xzf', tarball, '-C', join(workDir, 'package'), '--strip-components=1']);
	return join(workDir, 'package');
}

async function runLeg(
	scanner: Scanner,
	name: string,
	dir: string,
	patterns: string[],
): Promise<ScanFinding[]> {
	const result = await scanner.analyzePackage(dir, patterns);
	if (!result.passed && result.details === undefined)
		throw new Error(`scanner failed on the ${name}: ${result.message}`);
	const findings = parseStylishReport(result.details ?? '').map((finding) => ({
		...finding,
		file: relative(dir, finding.file),
	}));
	const counts = countByRule(findings);
	console.log(`${name}: ${findings.length} finding(s)${counts.length ? '' : ', passed'}`);
	for (const [rule, count] of counts) console.log(`  ${String(count).padStart(3)}  ${rule}`);
	return findings;
}

async function main(): Promise<void> {
	const scanner = (await import('@n8n/scan-community-package/scanner/scanner.mjs')) as Scanner;
	const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
		dependencies?: Record<string, string>;
		n8n?: { nodes?: string[] };
	};
	const runtimeDependencies = Object.keys(packageJson.dependencies ?? {});
	const registeredNodes = packageJson.n8n?.nodes ?? [];

	const legs = [
		{
			name: 'source',
			findings: await runLeg(scanner, 'source', root, scanner.SOURCE_FILE_PATTERNS),
		},
		{
			name: 'tarball',
			findings: await runLeg(scanner, 'tarball', packTarball(), TARBALL_FILE_PATTERNS),
		},
	];

	let refused = 0;
	for (const { name, findings } of legs) {
		for (const finding of findings.filter(
			(f) => !isAcceptedFinding(f, runtimeDependencies, registeredNodes),
		)) {
			refused++;
			console.log(
				`${name} ${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule}  ${finding.message}`,
			);
		}
	}
	if (refused > 0) {
		console.error(
			`scan: ${refused} finding(s) to fix (kept by design: no-runtime-dependencies, and no-restricted-imports of ${runtimeDependencies.join(', ')})`,
		);
		process.exit(1);
	}
	console.log('scan: no findings beyond the runtime dependencies we keep by design');
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
