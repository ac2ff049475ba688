// What the sandbox core is told about the SEEK Pass emulator: its name, prefix and demo credentials.
import { declareService, type SandboxContext } from '../core/types.cjs';
import { PATHS } from './constants.cjs';

export const SEEK_PASS = declareService({
	name: 'seekPass',
	prefix: '/seekpass',
	title: 'SEEK Pass',
	demo: { clientId: 'sandbox-seekpass-client', clientSecret: 'sandbox-seekpass-secret' },
	usage: (url, demo) => [
		`client id ${demo.clientId}   client secret ${demo.clientSecret}`,
		`token: POST ${url}${PATHS.token} (form body)`,
	],
});

export type SeekPassContext = SandboxContext<typeof SEEK_PASS.demo>;
