// Certifier's error body {"error": {"code", "message"}}. The core calls errorBody for the
// answers it makes on our behalf (429, injected 5xx, 404, bad JSON) and for every
// SandboxHttpError a handler throws, so all errors leave in the vendor's shape.
import { SandboxHttpError } from '../core/types.cjs';
import { ERRORS, type ErrorCode } from './constants.cjs';

function known(code: string): code is ErrorCode {
	return Object.prototype.hasOwnProperty.call(ERRORS, code);
}

export function errorBody(status: number, code: string, message: string): unknown {
	// The vendor documents one code per class for these; the core's finer codes
	// (bad_gateway, service_unavailable, ...) fold into them.
	const effective =
		status === 429 ? 'rate_limited' : status >= 500 ? 'internal_server_error' : code;
	if (known(effective)) {
		const e = ERRORS[effective];
		return { error: { code: effective, message: e.vendor || !message ? e.message : message } };
	}
	return { error: { code: effective, message } };
}

export function certifierError(code: ErrorCode, message?: string): SandboxHttpError {
	return new SandboxHttpError(ERRORS[code].status, code, message ?? ERRORS[code].message);
}
