// The contract accepts at most 14,000,000 base64 characters, about 10 MB of file.
export const MAX_FILE_BYTES = 10_000_000;

/** The format a file's name says by its ending (`.csv`, …), or null for one not in the table. */
export function formatOf<F extends string>(fileName: string, byEnding: Record<string, F>): F | null {
  const lower = fileName.toLowerCase();
  const found = Object.entries(byEnding).find(([ending]) => lower.endsWith(ending));
  return found ? found[1] : null;
}

/** Reads a file in the browser as base64, the form in which uploads travel. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve(dataUrl.slice(dataUrl.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
