import type { Result } from '../../shared/contract/result';
import type { TillStatus } from '../../shared/contract/till-api';

export const DEMO_ADMIN = { username: 'admin', pin: '9999' } as const;
export const DEMO_DIVISION_CODE = 'CLO';

async function postJson<T>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

async function callTill<T>(tillUrl: string, method: string, input: unknown): Promise<T> {
  const result = await postJson<Result<T>>(`${tillUrl}/api/till/${method}`, input, {
    'x-unitill': '1',
  });
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/**
 * Enrolls the demo till into the clothing division the way a person would: the head-office
 * admin signs in and issues a one-time code, and the till exchanges it for its credential.
 */
export async function enrollDemoTill(serverUrl: string, tillUrl: string): Promise<TillStatus> {
  const status = await callTill<TillStatus>(tillUrl, 'till:status', {});
  if (status.enrolled) return status;
  const { token } = await postJson<{ token: string }>(`${serverUrl}/api/auth/login`, DEMO_ADMIN);
  const auth = { authorization: `Bearer ${token}` };
  const divisionsResponse = await fetch(`${serverUrl}/api/divisions`, { headers: auth });
  const { divisions } = (await divisionsResponse.json()) as {
    divisions: { id: string; code: string }[];
  };
  const division = divisions.find((d) => d.code === DEMO_DIVISION_CODE);
  if (!division)
    throw new Error(`The demo division ${DEMO_DIVISION_CODE} is missing on the server`);
  const { code } = await postJson<{ code: string }>(
    `${serverUrl}/api/enrollment-codes`,
    { divisionId: division.id },
    auth,
  );
  return callTill<TillStatus>(tillUrl, 'till:enroll', { serverUrl, code, tillName: 'Demo till 1' });
}
