import { otherApp, testApp } from '../../fixtures';
import { startSimulator } from '../../simulator';
import { DEFAULT_USERS } from '../../simulator/seed';
import type { SeedUploadedEntry } from '../../simulator/documents-seed';
import { obtainTokens } from '../authorization/consentFlow';

/** A simulator whose first user has the given uploaded-documents tree, and that user's live access token. */
export async function startWithUploads(uploaded: SeedUploadedEntry[]) {
	const user = { ...DEFAULT_USERS[0], uploaded };
	const sim = await startSimulator({
		apps: [
			{ ...testApp, redirectUris: [testApp.redirectUri] },
			{ ...otherApp, redirectUris: [otherApp.redirectUri] },
		],
		users: [user],
	});
	const tokens = await obtainTokens(sim, 'basic');
	return { sim, accessToken: tokens.access_token as string, userId: user.digilockerid };
}
