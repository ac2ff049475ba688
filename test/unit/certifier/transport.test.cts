// Every error body documented in shared/seeds/certifier-create-credential.txt surfaces as a
// readable NodeApiError: HTTP status, Certifier's error.code and its message, no secret.
import { NodeApiError, type INode } from 'n8n-workflow';
import { CERTIFIER_SERVICE, parseCertifierError } from '../../../nodes/Certifier/transport';
import { toNodeApiError } from '../../../nodes/common/transport/api-error';

const node: INode = {
	id: '1',
	name: 'Certifier',
	type: 'certifier',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const DOCUMENTED: Array<[number, string, string]> = [
	[400, 'missing_version', 'The request is missing the required Certifier-Version header'],
	[401, 'unauthorized', 'A valid authentication token was not provided with the request'],
	[402, 'payment_required', 'The requested feature is only available to premium organizations'],
	[404, 'not_found', 'The requested resource does not exist'],
	[429, 'rate_limited', 'You have exceeded the rate limit'],
	[500, 'internal_server_error', "There was a problem on Certifier's end"],
];

test.each(DOCUMENTED)('%i %s', (status, code, message) => {
	const body = { error: { code, message } };
	expect(parseCertifierError(body)).toEqual({ code, message });
	const error = toNodeApiError(
		node,
		{ status, headers: {}, body, message: 'Request failed' },
		{
			service: CERTIFIER_SERVICE,
			method: 'POST',
			path: '/credentials',
			attempts: 1,
			itemIndex: 2,
			secrets: ['tok-secret-123'],
		},
	);
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toBe(`Certifier answered ${status} [${code}]: ${message}`);
	expect(error.httpCode).toBe(String(status));
	expect(error.context.vendorCode).toBe(code);
	expect(error.context.itemIndex).toBe(2);
});

test('a non-JSON error body is shown as text; an unknown shape gives no code', () => {
	expect(parseCertifierError('Bad Gateway')).toEqual({ message: 'Bad Gateway' });
	expect(parseCertifierError({ message: 'x' })).toBeUndefined();
	expect(parseCertifierError(null)).toBeUndefined();
});
