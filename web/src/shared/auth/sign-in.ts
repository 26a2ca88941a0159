import { ApiError, api, NetworkError } from '../api/client.ts';
import { config } from '../config.ts';

/**
 * Signs in with username and password and returns an ID token with the one-stop claims:
 * locally from the demo token issuer, in the cloud from the Cognito user pool's app client.
 */
export async function signIn(username: string, password: string): Promise<string> {
  const auth = config().auth;
  if (auth.kind === 'local') {
    const { token } = await api<{ token: string }>('/v1/local/login', {
      method: 'POST',
      body: { username, password },
    });
    return token;
  }
  let response: Response;
  try {
    response = await fetch(`https://cognito-idp.${auth.region}.amazonaws.com/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: auth.clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const body = (await response.json().catch(() => ({}))) as {
    AuthenticationResult?: { IdToken?: string };
    ChallengeName?: string;
    __type?: string;
    message?: string;
  };
  const token = body.AuthenticationResult?.IdToken;
  if (response.ok && token) return token;
  if (body.ChallengeName) throw new ApiError(401, 'challenge', body.ChallengeName);
  const unauthenticated = body.__type?.includes('NotAuthorized') || body.__type?.includes('UserNotFound');
  throw new ApiError(
    unauthenticated ? 401 : response.status || 500,
    unauthenticated ? 'unauthenticated' : 'cognito',
    body.message ?? 'sign-in failed',
  );
}
