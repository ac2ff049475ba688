// Test and demo controls under /_control/smartresume: start a use-case-3 import as
// SmartResume would, claim an upload as its holder would, and read the holding area.
import type { FastifyInstance } from 'fastify';
import { SandboxHttpError, type SandboxContext } from '../core/types.cjs';
import { importRequestBody } from './schemas.cjs';
import type { SmartResumeStore } from './store.cjs';

export function registerControl(
	app: FastifyInstance,
	ctx: SandboxContext,
	store: SmartResumeStore,
): void {
	const origin = () => `${ctx.origin()}${ctx.servicePath}`;
	const found = <T,>(value: T | undefined, token: string): T => {
		if (value === undefined) throw new SandboxHttpError(404, 'not_found', `no upload ${token}`);
		return value;
	};

	app.post('/import-requests', async (req, reply) => {
		const b = importRequestBody.parse(req.body ?? {});
		reply.code(201);
		return store.createImportRequest(b.partnerUrl, b.userId, origin());
	});
	app.get('/import-requests', async () => ({ importRequests: [...store.importRequests.values()] }));

	app.post<{ Params: { token: string } }>('/claims/:token', async (req) =>
		found(store.claim(req.params.token), req.params.token),
	);
	app.get('/uploads', async () => ({ uploads: [...store.uploads.values()] }));
	app.get<{ Params: { token: string } }>('/uploads/:token', async (req) =>
		found(store.getUpload(req.params.token), req.params.token),
	);
	app.get('/assertions', async () => ({ assertions: [...store.assertions.values()] }));
	app.get('/alerts', async () => ({ alerts: store.alerts }));
}
