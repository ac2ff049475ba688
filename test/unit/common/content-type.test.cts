import { acceptsJsonBody } from '../../../nodes/common/webhooks/content-type';

describe('webhook Content-Type', () => {
	it.each([
		undefined,
		'',
		'application/json',
		'application/json; charset=utf-8',
		'Application/JSON',
		'application/cloudevents+json',
	])('accepts %p', (value) => expect(acceptsJsonBody(value)).toBe(true));
	it.each([
		'text/plain',
		'application/x-www-form-urlencoded',
		'multipart/form-data; boundary=x',
		'application/xml',
		'application/jsonp',
		42,
	])('refuses %p', (value) => expect(acceptsJsonBody(value)).toBe(false));
});
