// What the sandbox core is told about the SmartResume emulator: its name, prefix and demo credentials.
import { declareService, type SandboxContext } from '../core/types.cjs';
import { TOKEN_PATH } from './constants.cjs';

export const SMART_RESUME = declareService({
	name: 'smartResume',
	prefix: '/smartresume',
	title: 'SmartResume',
	demo: { clientId: 'sandbox-smartresume-client', accessKey: 'sandbox-smartresume-key' },
	usage: (url, demo) => [
		`client id ${demo.clientId}   access key ${demo.accessKey}`,
		`token: POST ${url}${TOKEN_PATH} (Basic client id:access key)`,
	],
});

export type SmartResumeContext = SandboxContext<typeof SMART_RESUME.demo>;
