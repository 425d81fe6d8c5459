import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runOperation, startTestSimulator, type Simulator } from './consentFlow';

let sim: Simulator;

beforeAll(async () => {
	sim = await startTestSimulator();
});
afterAll(async () => await sim.stop());

const consentUrl = (options: INodeParameters) =>
	runOperation(sim, 'basic', { operation: 'getAuthorizationUrl', options });

async function queryOf(options: INodeParameters) {
	const run = await consentUrl(options);
	expect(run.items![0].json.success).toBe(true);
	return new URL((run.items![0].json.data as IDataObject).url as string).searchParams;
}

async function simulatorAnswer(options: INodeParameters) {
	const run = await consentUrl(options);
	const { url } = run.items![0].json.data as IDataObject;
	return await fetch(`${url as string}&sim_auto=allow`, { redirect: 'manual' });
}

describe('authorization › getAuthorizationUrl speaks specification v2.4', () => {
	it('puts every v2.4 option into the URL as specified, and the simulator accepts it', async () => {
		const options = {
			purpose: 'kyc check',
			serviceName: 'Loan_Onboarding 2',
			prompt: 'login_mobile',
			loginHint: '9876543210',
			pla: true,
			plsignup: false,
			ulsignup: true,
			dlFlow: 'signup',
			verifiedMobile: '6123456789',
		};
		const query = await queryOf(options);
		expect(Object.fromEntries(query)).toMatchObject({
			purpose: 'kyc check',
			service_name: 'Loan_Onboarding 2',
			prompt: 'login_mobile',
			login_hint: '9876543210',
			pla: 'Y',
			plsignup: 'N',
			ulsignup: 'Y',
			dl_flow: 'signup',
			verified_mobile: '6123456789',
		});
		const answer = await simulatorAnswer(options);
		expect(answer.status).toBe(302);
		expect(new URL(answer.headers.get('location') ?? '').searchParams.get('code')).toBeTruthy();
	});

	it('sends prompt=login alone, and leaves out the options not set', async () => {
		const query = await queryOf({ prompt: 'login' });
		expect(query.get('prompt')).toBe('login');
		for (const name of ['login_hint', 'pla', 'plsignup', 'ulsignup', 'service_name']) {
			expect(query.has(name)).toBe(false);
		}
	});

	it.each([
		[
			'a purpose without a service name',
			{ purpose: 'kyc' },
			'Purpose and Service Name go together (specification v2.4): set both or neither',
		],
		[
			'a service name without a purpose',
			{ serviceName: 'Loans' },
			'Purpose and Service Name go together (specification v2.4): set both or neither',
		],
		[
			'a service name with punctuation',
			{ purpose: 'kyc', serviceName: 'Loans & more' },
			'Service Name may hold only letters, digits, spaces and underscores',
		],
		[
			'a login hint without a prompt',
			{ loginHint: '9876543210' },
			'Login Hint is used only with Prompt "Login With Mobile Number" (login_mobile)',
		],
		[
			'a login hint with prompt=login',
			{ prompt: 'login', loginHint: '9876543210' },
			'Login Hint is used only with Prompt "Login With Mobile Number" (login_mobile)',
		],
		[
			'a login hint with a country code',
			{ prompt: 'login_mobile', loginHint: '+919876543210' },
			'Login Hint must be an Indian mobile number: 10 digits, the first one 6 to 9',
		],
		[
			'a login hint starting with 5',
			{ prompt: 'login_mobile', loginHint: '5876543210' },
			'Login Hint must be an Indian mobile number: 10 digits, the first one 6 to 9',
		],
		[
			'a verified mobile without a flow',
			{ verifiedMobile: '9876543210' },
			'Verified Mobile is used only with Flow "Sign Up" (dl_flow=signup)',
		],
		[
			'a verified mobile with the sign-in flow',
			{ dlFlow: 'signin', verifiedMobile: '9876543210' },
			'Verified Mobile is used only with Flow "Sign Up" (dl_flow=signup)',
		],
		[
			'a verified mobile of 9 digits',
			{ dlFlow: 'signup', verifiedMobile: '987654321' },
			'Verified Mobile must be an Indian mobile number: 10 digits, the first one 6 to 9',
		],
		[
			'an unknown prompt',
			{ prompt: '={{ "consent" }}' },
			'Prompt must be "login" or "login_mobile"',
		],
		['a pinless auth of "yes"', { pla: '={{ "yes" }}' }, 'Pinless Auth must be true or false'],
	])('refuses %s with VALIDATION_ERROR', async (_case, options, message) => {
		const run = await consentUrl(options);
		expect(run.items![0].json).toEqual({
			success: false,
			error: { code: 'VALIDATION_ERROR', message },
		});
	});
});
