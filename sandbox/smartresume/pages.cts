// The few browser pages of the emulated SmartResume: the claim link of an upload and the
// landing page of use case 3's redirectURL. Plain HTML; tests and the demo check that the
// browser got there and what it shows.
import type { ImportRequest, Upload } from './store.cjs';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} · SmartResume sandbox</title></head><body><h1>${escape(title)}</h1>${body}</body></html>\n`;
}

export function claimPage(upload: Upload): string {
	const who =
		[upload.recipient?.givenName, upload.recipient?.familyName].filter(Boolean).join(' ') ||
		upload.recipient?.email ||
		upload.recipientId;
	const items = upload.entries
		.map((e) => `<li>${escape(e.name)} <small>(${escape(e.section ?? 'unmapped')})</small></li>`)
		.join('');
	const skills = upload.skills
		.map((s) => `<li>${escape(s.name)}${s.verified ? ' <small>(verified)</small>' : ''}</li>`)
		.join('');
	return page(
		'Create your SmartResume',
		`<p>Welcome, ${escape(who)}.</p>` +
			`<p data-status="${upload.claimedAt ? 'claimed' : 'unclaimed'}">${upload.claimedAt ? 'These credentials are already on a SmartResume.' : 'Sign up or log in to add these credentials to your SmartResume.'}</p>` +
			`<h2>Credentials (${upload.entries.length})</h2><ul>${items}</ul><h2>Skills (${upload.skills.length})</h2><ul>${skills}</ul>`,
	);
}

export function importCompletePage(request: ImportRequest): string {
	return page(
		'Import complete',
		`<p data-status="completed">${request.uploads.length} upload(s) added to your SmartResume.</p>`,
	);
}

export function notFoundPage(what: string): string {
	return page('Not found', `<p>${escape(what)}</p>`);
}
