import { REDIRECT_URL_MAX_LENGTH } from '../constants';

/** One allowed place: an https host (or its subdomains), or an exact origin. */
export interface AllowedTarget {
	protocol: 'https:' | 'http:';
	host: string;
	/** '' = the protocol's default port. */
	port: string;
	/** `*.example.com`: any subdomain, not example.com itself. */
	subdomains: boolean;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
// A plain DNS name or IPv4 address: letters, digits, dots, hyphens. Nothing encoded, no userinfo.
const HOST_NAME =
	/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
const AUTHORITY = /^([a-z0-9.-]+|\[::1\])(?::(\d{1,5}))?$/;

/**
 * Reads the allow-list: entries separated by commas, spaces or new lines, each
 * - `host` (https on its default port), `*.host` (its https subdomains), or
 * - `https://host[:port]` (that exact origin), or `http://host:port` for a loopback host only,
 *   so a local sandbox can be allowed while plain http elsewhere never is.
 */
export function parseAllowList(text: string): Checked<AllowedTarget[]> {
	const entries = text.split(/[\s,]+/).filter(Boolean);
	const targets: AllowedTarget[] = [];
	for (const entry of entries) {
		const origin = /^(https?):\/\/(.+?)\/?$/i.exec(entry);
		let protocol: AllowedTarget['protocol'] = 'https:';
		let authority = entry.toLowerCase();
		if (origin) {
			protocol = `${origin[1].toLowerCase()}:` as AllowedTarget['protocol'];
			authority = origin[2].toLowerCase();
		}
		const subdomains = !origin && authority.startsWith('*.');
		if (subdomains) authority = authority.slice(2);
		const parts = AUTHORITY.exec(authority);
		const host = parts?.[1] ?? '';
		const port = parts?.[2] ?? '';
		if (!parts || (host !== '[::1]' && !HOST_NAME.test(host)) || (port !== '' && !origin)) {
			return { ok: false, reason: `"${entry}" is not a host name, *.host name or origin` };
		}
		if (protocol === 'http:' && !LOOPBACK.has(host)) {
			return {
				ok: false,
				reason: `"${entry}": plain http is allowed for localhost, 127.0.0.1 and [::1] only`,
			};
		}
		const defaultPort = protocol === 'https:' ? '443' : '80';
		targets.push({ protocol, host, port: port === defaultPort ? '' : port, subdomains });
	}
	if (targets.length === 0) return { ok: false, reason: 'no host is allowed' };
	return { ok: true, value: targets };
}

function allowed(url: URL, targets: AllowedTarget[]): boolean {
	return targets.some(
		(t) =>
			t.protocol === url.protocol &&
			t.port === url.port &&
			(t.subdomains ? url.hostname.endsWith(`.${t.host}`) : url.hostname === t.host),
	);
}

/**
 * Checks a redirectURL before anyone is sent there, refusing rather than repairing: only an
 * absolute http(s) URL written plainly (ASCII, no spaces or control characters, no backslashes,
 * no userinfo, nothing percent-encoded or unusual in the host part) on an allowed origin passes.
 * The URL the caller redirects to is the WHATWG-parsed one, never the raw text.
 */
export function checkRedirectUrl(raw: unknown, targets: AllowedTarget[]): Checked<string> {
	if (typeof raw !== 'string' || raw === '')
		return { ok: false, reason: 'is missing or given more than once' };
	if (raw.length > REDIRECT_URL_MAX_LENGTH) return { ok: false, reason: 'is too long' };
	// Printable ASCII only: rules out control characters, spaces, and look-alike letters.
	if (!/^[\x21-\x7e]+$/.test(raw))
		return { ok: false, reason: 'holds spaces, control or non-ASCII characters' };
	if (raw.includes('\\')) return { ok: false, reason: 'holds a backslash' };
	const head = /^(https?):\/\/([^/?#]*)/i.exec(raw);
	if (!head) return { ok: false, reason: 'is not an absolute https URL' };
	const authority = head[2].toLowerCase();
	if (authority.includes('@')) return { ok: false, reason: 'holds user information' };
	if (!AUTHORITY.exec(authority)) return { ok: false, reason: 'has an unusual host part' };
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return { ok: false, reason: 'is not a valid URL' };
	}
	if (url.username !== '' || url.password !== '')
		return { ok: false, reason: 'holds user information' };
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		return { ok: false, reason: 'is not an https URL' };
	if (!allowed(url, targets)) {
		return {
			ok: false,
			reason:
				url.protocol === 'https:' ? 'points to a host that is not allowed' : 'is not an https URL',
		};
	}
	return { ok: true, value: url.href };
}
