import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Interaction, Provider } from 'oidc-provider';
import type { IdpUser } from '../WorldInfo.ts';

const interactionPath = /^\/interaction\/([\w-]+)(\/login)?$/;

/**
 * Serves the provider's interaction pages: `GET /interaction/:uid` shows the login form (or grants consent
 * at once), `POST /interaction/:uid/login` checks the password. Returns false for every other request,
 * which then belongs to the provider itself.
 */
export async function handleInteraction(
  provider: Provider,
  users: readonly IdpUser[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const match = interactionPath.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
  if (!match) return false;
  res.setHeader('cache-control', 'no-store');
  try {
    const interaction = await provider.interactionDetails(req, res);
    if (req.method === 'POST' && match[2] && interaction.prompt.name === 'login') {
      const form = new URLSearchParams(await readBody(req));
      const user = users.find((u) => u.username === form.get('username'));
      if (!user || user.password !== form.get('password')) {
        sendLoginForm(res, interaction, 401, 'Invalid username or password.');
        return true;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: user.sub } },
        {
          mergeWithLastSubmission: false,
        },
      );
    } else if (req.method === 'GET' && !match[2] && interaction.prompt.name === 'login') {
      sendLoginForm(res, interaction, 200);
    } else if (req.method === 'GET' && !match[2] && interaction.prompt.name === 'consent') {
      await grantConsent(provider, interaction, req, res);
    } else {
      send(res, 400, 'text/plain', `unexpected ${req.method} for prompt '${interaction.prompt.name}'`);
    }
  } catch (error) {
    // Typically an expired interaction or a browser that lost its cookies; the message says which.
    send(res, 400, 'text/plain', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
  return true;
}

/** Consent is implied for the test client: grant whatever the request asked for. */
async function grantConsent(
  provider: Provider,
  interaction: Interaction,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const accountId = interaction.session?.accountId;
  if (!accountId) throw new Error('consent prompt without a signed-in session');
  const grant =
    (interaction.grantId && (await provider.Grant.find(interaction.grantId))) ||
    new provider.Grant({ accountId, clientId: interaction.params.client_id });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = interaction.prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

function sendLoginForm(res: ServerResponse, interaction: Interaction, status: number, error?: string): void {
  const hint = interaction.params.login_hint ?? '';
  send(
    res,
    status,
    'text/html; charset=utf-8',
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to the Fleetback test IdP</title></head>
<body>
<h1>Sign in</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(interaction.uid)}/login">
<label>Username <input name="username" autocomplete="username" value="${escapeHtml(hint)}" required autofocus></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>
</body></html>`,
  );
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
