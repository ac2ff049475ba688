// Stand-in for the SEEK Pass app the redirect URIs open: a tiny page with Accept / Decline
// that calls the control API (the URI fragment only exists in the browser).
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../core/types.cjs';
import { DEMO_VERIFIED_CREDENTIAL, PATHS } from './constants.cjs';
import { notFound } from './errors.cjs';

function page(
	controlPath: string,
	title: string,
	action: string,
	target: string,
	acceptBody: string,
): string {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SEEK Pass sandbox: ${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;margin-right:.5rem;padding:.4rem 1rem}</style></head>
<body><h1>SEEK Pass sandbox</h1><p>${action}</p><p>Request <code id="content"></code></p>
<button id="accept">Accept</button><button id="decline">Decline</button><p id="result" role="status"></p>
<script>
const params = new URLSearchParams(location.hash.slice(1));
const content = params.get('content') || '';
document.getElementById('content').textContent = content || '(no content in the link)';
async function answer(body) {
	const res = await fetch('${controlPath}/${target}/' + encodeURIComponent(content), {
		method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	document.getElementById('result').textContent = res.ok ? 'Done: ' + body.status : 'Failed: ' + (await res.text());
}
document.getElementById('accept').onclick = () => answer(${acceptBody});
document.getElementById('decline').onclick = () => answer({ status: 'canceled' });
</script></body></html>`;
}

export function holderPages(app: FastifyInstance, { controlPath }: SandboxContext): void {
	app.get(PATHS.holderAdd, async (request, reply) => {
		const { page: type } = request.params as { page: string };
		if (!/^[A-Za-z_]+$/.test(type)) throw notFound('Page');
		const words = type
			.replace(/([A-Z])/g, ' $1')
			.replace(/_/g, ' ')
			.toLowerCase();
		return reply
			.type('text/html; charset=utf-8')
			.send(
				page(
					controlPath,
					`add ${type}`,
					`A partner asks to add your <b>${words}</b> credential to SEEK Pass.`,
					'submissions',
					"{ status: 'verified' }",
				),
			);
	});
	app.get(PATHS.holderVerify, async (_request, reply) =>
		reply
			.type('text/html; charset=utf-8')
			.send(
				page(
					controlPath,
					'verify',
					'A partner asks you to verify your identity with SEEK Pass.',
					'verifications',
					`{ status: 'verified', credential: ${JSON.stringify(DEMO_VERIFIED_CREDENTIAL)} }`,
				),
			),
	);
}
