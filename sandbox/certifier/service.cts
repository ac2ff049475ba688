// What the sandbox core is told about the Certifier emulator: its name, prefix and demo credentials.
// A client's base URL includes the API version path (.../certifier/v1).
import { declareService, type SandboxContext } from '../core/types.cjs';
import { API_BASE, API_VERSION } from './constants.cjs';

export const CERTIFIER = declareService({
	name: 'certifier',
	prefix: '/certifier',
	basePath: API_BASE,
	title: 'Certifier',
	demo: { accessToken: 'sandbox-certifier-token', version: API_VERSION },
	usage: (_url, demo) => [`access token ${demo.accessToken}   Certifier-Version ${demo.version}`],
});

export type CertifierContext = SandboxContext<typeof CERTIFIER.demo>;
