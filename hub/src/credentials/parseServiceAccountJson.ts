import { BadUserInputError } from '../errors/errors.ts';

export interface ServiceAccount {
  /** The key file, trimmed; sealed as given so the agent can hand it to the Google SDK unchanged. */
  json: string;
  clientEmail: string;
  projectId: string | null;
}

/**
 * Checks a Google service-account key file. Problems are described without quoting the input: a JSON parse
 * error message would carry part of the private key into the response.
 */
export function parseServiceAccountJson(field: string, raw: string): ServiceAccount {
  const json = raw.trim();
  if (!json) throw new BadUserInputError(field, 'must not be empty');
  if (json.length > 16_384) throw new BadUserInputError(field, 'must be at most 16384 characters');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new BadUserInputError(field, 'is not valid JSON; paste the key file as downloaded');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadUserInputError(field, 'must be a JSON object');
  }
  const key = value as Record<string, unknown>;
  if (key.type !== undefined && key.type !== 'service_account') {
    throw new BadUserInputError(field, "must be a service-account key (`type` is not 'service_account')");
  }
  const clientEmail = key.client_email;
  if (typeof clientEmail !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(clientEmail)) {
    throw new BadUserInputError(field, 'must have `client_email`, the service account’s address');
  }
  const privateKey = key.private_key;
  if (typeof privateKey !== 'string' || !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey)) {
    throw new BadUserInputError(field, 'must have `private_key`, a PEM private key');
  }
  const projectId = typeof key.project_id === 'string' && key.project_id ? key.project_id : null;
  return { json, clientEmail, projectId };
}
