import { SMART_RESUME_REDIRECT_HOSTS } from '../../../../nodes/SmartResume/constants';
import {
	checkRedirectUrl,
	parseAllowList,
	type AllowedTarget,
} from '../../../../nodes/SmartResume/trigger/redirect-guard';
import { ACCEPTED_REDIRECTS, REFUSED_REDIRECTS } from './open-redirect-cases.cjs';

function targets(text: string): AllowedTarget[] {
	const parsed = parseAllowList(text);
	if (!parsed.ok) throw new Error(parsed.reason);
	return parsed.value;
}
const defaults = targets(SMART_RESUME_REDIRECT_HOSTS.join(', '));

describe('checkRedirectUrl with SmartResume’s hosts', () => {
	test.each(REFUSED_REDIRECTS)('refuses %j (%s)', (url) => {
		expect(checkRedirectUrl(url, defaults)).toEqual({ ok: false, reason: expect.any(String) });
	});

	test.each(ACCEPTED_REDIRECTS)('accepts %j and sends the browser to %j', (url, sentTo) => {
		expect(checkRedirectUrl(url, defaults)).toEqual({ ok: true, value: sentTo });
	});

	test.each([
		undefined,
		null,
		42,
		['https://my.smartresume.com/', 'https://evil.example/'],
		{ href: 'https://my.smartresume.com/' },
	])('refuses a value that is not one string: %j', (value) => {
		expect(checkRedirectUrl(value, defaults)).toEqual({
			ok: false,
			reason: 'is missing or given more than once',
		});
	});

	test('reasons never quote the URL', () => {
		const result = checkRedirectUrl('https://evil.example/<script>', defaults);
		expect(result.ok).toBe(false);
		expect(JSON.stringify(result)).not.toContain('evil');
	});
});

describe('parseAllowList', () => {
	test('hosts, *.hosts and origins; default ports dropped', () => {
		expect(
			targets(
				'my.smartresume.com, *.example.org\nhttps://Partner.example:443 http://127.0.0.1:4780/',
			),
		).toEqual([
			{ protocol: 'https:', host: 'my.smartresume.com', port: '', subdomains: false },
			{ protocol: 'https:', host: 'example.org', port: '', subdomains: true },
			{ protocol: 'https:', host: 'partner.example', port: '', subdomains: false },
			{ protocol: 'http:', host: '127.0.0.1', port: '4780', subdomains: false },
		]);
	});

	test('a subdomain entry allows subdomains only, not the apex', () => {
		const wildcard = targets('*.example.org');
		expect(checkRedirectUrl('https://a.b.example.org/x', wildcard).ok).toBe(true);
		expect(checkRedirectUrl('https://example.org/x', wildcard).ok).toBe(false);
		expect(checkRedirectUrl('https://aexample.org/x', wildcard).ok).toBe(false);
	});

	test('an http origin is allowed for loopback only, and only that exact port', () => {
		const local = targets('http://127.0.0.1:4780');
		expect(
			checkRedirectUrl('http://127.0.0.1:4780/smartresume/import/complete?state=1', local),
		).toEqual({
			ok: true,
			value: 'http://127.0.0.1:4780/smartresume/import/complete?state=1',
		});
		expect(checkRedirectUrl('http://127.0.0.1:4781/', local).ok).toBe(false);
		expect(checkRedirectUrl('https://127.0.0.1:4780/', local).ok).toBe(false);
		expect(parseAllowList('http://my.smartresume.com')).toEqual({
			ok: false,
			reason:
				'"http://my.smartresume.com": plain http is allowed for localhost, 127.0.0.1 and [::1] only',
		});
	});

	test.each([
		'',
		' , ',
		'user@my.smartresume.com',
		'my.smartresume.com/path',
		'my.smartresume.com:8443',
		'javascript:alert(1)',
		'*.',
		'exa_mple.com',
		'*.*.example.org',
	])('refuses %j', (text) => {
		expect(parseAllowList(text).ok).toBe(false);
	});
});
