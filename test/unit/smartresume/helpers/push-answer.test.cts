// A push SmartResume accepted is never an error (issue 13): the claim link when it can be found,
// else claimUrl null and a warning, and the answer as received either way.
import { readPushAnswer } from '../../../../nodes/SmartResume/helpers/push-answer';

const LINK = 'https://my.smartresume.com/createmyresume/tok-1';

describe('the claim link is found', () => {
	test('under the assumed key "redirect_url"', () => {
		const body = { redirect_url: LINK };
		expect(readPushAnswer(200, body)).toEqual({
			claimUrl: LINK,
			identifierToken: 'tok-1',
			answer: body,
		});
	});

	test('under the assumed key, outside the documented form: kept, token unknown, no warning', () => {
		const body = { redirect_url: 'https://example.com/claim?t=1' };
		expect(readPushAnswer(200, body)).toEqual({
			claimUrl: 'https://example.com/claim?t=1',
			identifierToken: null,
			answer: body,
		});
	});

	test('as a bare URL answer', () => {
		expect(readPushAnswer(200, ` ${LINK}\n`)).toEqual({
			claimUrl: LINK,
			identifierToken: 'tok-1',
			answer: ` ${LINK}\n`,
		});
	});

	test.each([
		['another key', { redirectUrl: LINK }],
		['a nested key', { data: { links: [{ href: LINK }] } }],
	])('in the documented form under %s', (_, body) => {
		expect(readPushAnswer(201, body)).toEqual({
			claimUrl: LINK,
			identifierToken: 'tok-1',
			answer: body,
		});
	});

	test('in a Location header when the body has none', () => {
		expect(readPushAnswer(201, '', LINK)).toEqual({
			claimUrl: LINK,
			identifierToken: 'tok-1',
			answer: '',
		});
	});
});

describe('no claim link: claimUrl null and a warning, never an error', () => {
	test.each([
		['a different key with a non-claim URL', { url: 'https://example.com/x' }],
		['a status only', { status: 'ok', uploaded: 3 }],
		['an empty body', ''],
		['an empty redirect_url', { redirect_url: '' }],
		['a list', []],
	])('%s: the answer is output as received', (_, body) => {
		const read = readPushAnswer(200, body);
		expect(read).toEqual({
			claimUrl: null,
			identifierToken: null,
			warning: expect.any(String),
			answer: body,
		});
		expect(read.warning).toContain('accepted the push (HTTP 200)');
		expect(read.warning).toContain('"redirect_url"');
		expect(read.warning).toContain('do not push them again');
	});

	test('no body at all is output as null, so the field is not lost in JSON', () => {
		expect(readPushAnswer(204, undefined)).toMatchObject({ claimUrl: null, answer: null });
	});

	test('a Location outside the documented form is not taken for the claim link', () => {
		expect(
			readPushAnswer(201, {}, 'https://my.smartresume.com/api/v1/credentials/9'),
		).toMatchObject({
			claimUrl: null,
			warning: expect.any(String),
		});
	});
});
