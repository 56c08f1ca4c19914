import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CredentialStore } from './CredentialStore.ts';
import { parseStoredCredential, serializeStoredCredential, type StoredCredential } from './StoredCredential.ts';
import { takenMeanwhile } from './takenMeanwhile.ts';

/** The credential record in a file readable only by the agent's user, which appears whole or not at all. */
export class FileCredentialStore implements CredentialStore {
  readonly description: string;

  constructor(private readonly path: string) {
    this.description = `file ${path}`;
  }

  async load(): Promise<StoredCredential | undefined> {
    let text: string;
    try {
      text = (await readFile(this.path, 'utf8')).trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return text ? parseStoredCredential(text, this.description) : undefined;
  }

  async save(stored: StoredCredential): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    const file = await open(temporary, 'w', 0o600);
    try {
      await file.writeFile(serializeStoredCredential(stored));
      await file.sync();
    } finally {
      await file.close();
    }
    // A hard link, unlike a rename, never replaces a file: of two agents enrolling into one file at once,
    // the second learns it instead of silently taking over the first one's cluster.
    try {
      await link(temporary, this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      throw takenMeanwhile(this.description, stored);
    } finally {
      await rm(temporary, { force: true });
    }
  }
}
