// The service emulators the sandbox hosts by default, one per vendor API.
import { certifierModule, createCertifierModule } from './certifier/index.cjs';
import type { ServiceModule } from './core/types.cjs';
import { createSeekPassModule, seekPassModule } from './seekpass/index.cjs';
import { createSmartResumeModule, smartResumeModule } from './smartresume/index.cjs';

export const serviceModules: readonly ServiceModule[] = [seekPassModule, smartResumeModule, certifierModule];

/** Fresh instances with their own state: what startSandbox uses, so two sandboxes in one process never share data. */
export function createServiceModules(): ServiceModule[] {
	return [createSeekPassModule(), createSmartResumeModule(), createCertifierModule()];
}
