// The token endpoint's form body. OAuth2 clients send application/x-www-form-urlencoded
// (the core parses it); the vendor's Postman walk-through sends multipart/form-data, which
// the core hands over as raw bytes: its text fields are read here.
import type { FastifyRequest } from 'fastify';

function multipartFields(body: Buffer, boundary: string): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const part of body.toString('utf8').split(`--${boundary}`)) {
		const split = part.indexOf('\r\n\r\n');
		if (split === -1) continue;
		const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(part.slice(0, split))?.[1];
		if (name !== undefined) fields[name] = part.slice(split + 4).replace(/\r\n$/, '');
	}
	return fields;
}

/** The form's fields, or undefined when the body is not a form. */
export function formFields(request: FastifyRequest): Record<string, string> | undefined {
	const type = request.headers['content-type'] ?? '';
	if (/^application\/x-www-form-urlencoded\b/i.test(type))
		return (request.body ?? {}) as Record<string, string>;
	const boundary = /^multipart\/form-data\b.*;\s*boundary="?([^";]+)"?/i.exec(type)?.[1];
	if (boundary && Buffer.isBuffer(request.body)) return multipartFields(request.body, boundary);
	return undefined;
}
