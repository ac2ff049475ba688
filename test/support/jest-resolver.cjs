'use strict';
// Dev sources are .cts and import each other as './x.cjs' (what tsc and tsx resolve to).
// Jest needs to be sent back to the .cts source — but only for our own files: packages such as
// zod ship real .cjs files next to ESM .js ones, and must resolve untouched.
const fs = require('node:fs');
const path = require('node:path');

module.exports = (request, options) => {
	if (
		/^\.{1,2}\//.test(request) &&
		request.endsWith('.cjs') &&
		!options.basedir.includes(`${path.sep}node_modules${path.sep}`)
	) {
		const source = path.resolve(options.basedir, request.replace(/\.cjs$/, '.cts'));
		if (fs.existsSync(source)) return source;
	}
	return options.defaultResolver(request, options);
};
