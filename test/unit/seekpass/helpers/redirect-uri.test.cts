import {
	cleanRedirectUri,
	parseRedirectUri,
} from '../../../../nodes/SeekPass/helpers/redirect-uri';

// The guide's own example, as curl prints it (with the JSON escape the guide warns about).
const CURL_STYLE =
	'https://app.seekpass-staging.com/partner/add/education#clientId=730845ab-0a0d-4f4d-9c98-d871755d3ce9\\u0026documentType=open_cert\\u0026content=d8a8eb57-c64f-4fc1-b362-b8df28fbf0a3';
const CLEAN =
	'https://app.seekpass-staging.com/partner/add/education#clientId=730845ab-0a0d-4f4d-9c98-d871755d3ce9&documentType=open_cert&content=d8a8eb57-c64f-4fc1-b362-b8df28fbf0a3';

describe('redirect URI', () => {
	it('replaces every \\u0026 with &', () => {
		expect(cleanRedirectUri(CURL_STYLE)).toBe(CLEAN);
		expect(cleanRedirectUri(CURL_STYLE)).not.toContain('u0026');
	});

	it('leaves a clean link as it is', () => {
		expect(cleanRedirectUri(CLEAN)).toBe(CLEAN);
	});

	it('reads client id, document type and content id from the fragment', () => {
		expect(parseRedirectUri(CURL_STYLE)).toEqual({
			redirectUri: CLEAN,
			clientId: '730845ab-0a0d-4f4d-9c98-d871755d3ce9',
			documentType: 'open_cert',
			contentId: 'd8a8eb57-c64f-4fc1-b362-b8df28fbf0a3',
		});
	});

	it('has no document type for a batch link, and no parts without a fragment', () => {
		expect(parseRedirectUri('https://x.test/partner/add/batch#clientId=c1&content=k1')).toEqual({
			redirectUri: 'https://x.test/partner/add/batch#clientId=c1&content=k1',
			clientId: 'c1',
			contentId: 'k1',
		});
		expect(parseRedirectUri('https://x.test/partner/add/batch')).toEqual({
			redirectUri: 'https://x.test/partner/add/batch',
		});
	});
});
