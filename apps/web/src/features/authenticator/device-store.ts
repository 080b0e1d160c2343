/**
 * The paired device, kept in IndexedDB: its id, whose it is, and its key pair.
 * CryptoKey objects are stored as they are (structured clone), so the private
 * key never leaves WebCrypto: it was made non-extractable and stays that way.
 */
export interface StoredDevice {
  deviceId: string;
  userEmail: string;
  name: string;
  pairedAt: string;
  keys: CryptoKeyPair;
}

const DATABASE = 'payfriend-authenticator';
const STORE = 'device';
const KEY = 'current';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, operate: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const database = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = database.transaction(STORE, mode);
      const request = operate(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result as T);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    database.close();
  }
}

/** The device this browser was paired as, or null. */
export async function loadDevice(): Promise<StoredDevice | null> {
  const device = await withStore<StoredDevice | undefined>('readonly', (store) => store.get(KEY));
  return device ?? null;
}

export function saveDevice(device: StoredDevice): Promise<void> {
  return withStore<void>('readwrite', (store) => store.put(device, KEY)).then(() => undefined);
}

export function forgetDevice(): Promise<void> {
  return withStore<void>('readwrite', (store) => store.delete(KEY)).then(() => undefined);
}
