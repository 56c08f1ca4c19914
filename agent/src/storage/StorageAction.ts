/** What was being done when a storage error came: it says which permission is missing. */
export type StorageAction = 'write' | 'read' | 'list' | 'delete';
