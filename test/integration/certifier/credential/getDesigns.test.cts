// Certifier credential: Get Designs: preview URLs, and files downloaded as n8n binary data.
import { createDraft, json, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

test('preview URLs by format', async () => {
	const id = await createDraft(env);
	const run = await env.run({
		resource: 'credential',
		operation: 'getDesigns',
		credentialId: id,
	});
	const items = json(run);
	expect(items).toHaveLength(2);
	expect(items[0]).toMatchObject({ credentialId: id, name: 'Classic certificate' });
	expect(String((items[0].previewUrls as { pdf: string }).pdf)).toMatch(
		/\/cdn\/credentials\/.+\.pdf$/,
	);
	expect(run.output[0][0].binary).toBeUndefined();
});

test('download as PDF: n8n binary data, fetched without the access token', async () => {
	const id = await createDraft(env);
	const run = await env.run({
		resource: 'credential',
		operation: 'getDesigns',
		credentialId: id,
		download: 'pdf',
		binaryPropertyName: 'file',
	});
	expect(run.error).toBeUndefined();
	const binary = run.output[0][0].binary?.file;
	expect(binary).toMatchObject({
		mimeType: 'application/pdf',
		fileName: `certifier-${id}-01fpwtztwf7sacca5r0c483mnm.pdf`,
	});
	expect(Buffer.from(binary!.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
	const cdn = env.sb.requests({ pathIncludes: '/cdn/' });
	expect(cdn).toHaveLength(2);
	expect(cdn.every((r) => r.headers.authorization === undefined)).toBe(true);
});

test('download as PNG', async () => {
	const id = await createDraft(env);
	const run = await env.run({
		resource: 'credential',
		operation: 'getDesigns',
		credentialId: id,
		download: 'png',
	});
	expect(run.output[0].map((i) => i.binary?.data?.mimeType)).toEqual(['image/png', 'image/png']);
});
