// A real OpenID Connect provider for the sign-in tests: panva/oidc-provider (OpenID Certified), with
// its development login form (any login name; the accounts below say which claims it carries).
// Started by tests/oidc_provider.py:  node server.mjs <port> <redirect_uri> <accounts.json>
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const [port, redirectUri, accountsFile] = process.argv.slice(2);
const accounts = JSON.parse(readFileSync(accountsFile, 'utf8'));
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'kim-dash',
      client_secret: 'kim-dash-test-secret',
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'groups'],
  },
  conformIdTokenClaims: false, // the scopes' claims in the ID token: Streamlit reads only the ID token
  cookies: { keys: ['kim-dash-test-cookie-key'] },
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, id) {
    const known = accounts[id] || {};
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: known.email || id,
          email_verified: known.email_verified ?? true,
          name: known.name || id,
          groups: known.groups || [],
        };
      },
    };
  },
});

const server = provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
