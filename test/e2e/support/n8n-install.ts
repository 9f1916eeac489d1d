import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A real n8n, installed once per version into .cache/n8n (scripts/n8n/install.sh), and our package
// installed into an n8n user folder the way the editor's community-node screen installs it.

export const REPO_ROOT = join(__dirname, '..', '..', '..');

/** The n8n versions the end-to-end suite runs on: the newest 2.x, and the newest 1.123.x (the 1.x line). */
export const N8N_VERSIONS = ['2.41.1', '1.123.81'] as const;

export const PACKAGE_NAME: string = (
	JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string }
).name;

/** The n8n version a run of the suite uses: N8N_VERSION, or the newest. */
export function n8nVersionUnderTest(): string {
	return process.env.N8N_VERSION ?? N8N_VERSIONS[0];
}

/** Installs n8n `version` into .cache/n8n/<version> unless it is there; returns the folder. */
export function ensureN8n(version: string): string {
	const out = execFileSync('bash', [join(REPO_ROOT, 'scripts', 'n8n', 'install.sh'), version], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return out.trim().split('\n').pop() ?? '';
}

/** `npm pack` of the built package (dist/ must be built): the tarball a registry would serve. */
export function packPackage(): string {
	const destination = join(REPO_ROOT, '.cache', 'pack');
	rmSync(destination, { recursive: true, force: true });
	mkdirSync(destination, { recursive: true });
	execFileSync('npm', ['pack', '--pack-destination', destination, '--loglevel=error'], {
		cwd: REPO_ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const tarball = readdirSync(destination).find((f) => f.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack wrote no tarball');
	return join(destination, tarball);
}

/**
 * Installs the tarball into `<n8n user folder>/.n8n/nodes` as n8n 2.x's community-package service
 * does (CommunityPackagesService.downloadPackage): unpack into node_modules/<name>, drop dev, peer
 * and optional dependencies from its package.json, `npm install` its dependencies with n8n's flags,
 * and record it in the nodes folder's package.json. n8n loads it from there at start.
 */
export function installPackageLikeEditor(userFolder: string, tarball: string): string {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', PACKAGE_NAME);
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const manifestPath = join(packageDir, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies'])
		delete manifest[key];
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	execFileSync(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--loglevel=error',
		],
		{
			cwd: packageDir,
			stdio: ['ignore', 'ignore', 'inherit'],
		},
	);
	const nodesManifest = join(nodesDir, 'package.json');
	let dependencies: Record<string, string> = {};
	try {
		dependencies =
			(JSON.parse(readFileSync(nodesManifest, 'utf8')) as { dependencies?: Record<string, string> })
				.dependencies ?? {};
	} catch {
		// first package in this user folder
	}
	dependencies[PACKAGE_NAME] = String(manifest.version);
	writeFileSync(
		nodesManifest,
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies }, null, 2),
	);
	return packageDir;
}
