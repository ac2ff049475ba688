// The claim link SmartResume answers a push with, and the identifier token read out of it.
import { parseClaimLink } from '../../../../nodes/SmartResume/helpers/claim-link';

describe('parseClaimLink', () => {
	test.each([
		['https://my.smartresume.com/createmyresume/abc123', 'abc123'],
		['http://127.0.0.1:4780/smartresume/createmyresume/Zx-9_q', 'Zx-9_q'],
		['https://my.smartresume.com/createmyresume/a%2Fb?x=1#f', 'a/b'],
		['https://my.smartresume.com/createmyresume/', null],
		['https://my.smartresume.com/other/abc', null],
		['not a url', null],
	])('%s → %s', (url, token) => {
		expect(parseClaimLink(url)).toEqual({ claimUrl: url, identifierToken: token });
	});
});
