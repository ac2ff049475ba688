/**
 * The page a browser gets when the import request is refused: plain HTML that names what is
 * wrong but echoes nothing from the request, and is never cached or sent on as a referrer.
 */
export const PAGE_HEADERS: Record<string, string> = {
	'content-type': 'text/html; charset=utf-8',
	'cache-control': 'no-store',
	'referrer-policy': 'no-referrer',
	'x-content-type-options': 'nosniff',
	'content-security-policy': "default-src 'none'",
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function refusalPage(title: string, problems: string[]): string {
	const items = problems.map((p) => `<li>${escape(p)}</li>`).join('');
	return (
		'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Import not started</title></head><body>' +
		`<h1>${escape(title)}</h1><ul>${items}</ul>` +
		'<p>Go back to SmartResume and start the import again.</p></body></html>'
	);
}
