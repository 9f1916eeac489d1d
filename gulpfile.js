const path = require('path');
const { src, dest, parallel } = require('gulp');

// n8n reads node and credential icons, and node codex files (*.node.json), from next to the
// compiled .js files, so they are copied into dist/ after tsc.
function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}', 'icons/**/*.svg'], {
		base: '.',
		allowEmpty: true,
		encoding: false,
	}).pipe(dest(path.resolve('dist')));
}

function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.', allowEmpty: true }).pipe(
		dest(path.resolve('dist')),
	);
}

exports.build = parallel(copyIcons, copyCodex);
exports['build:icons'] = copyIcons;
