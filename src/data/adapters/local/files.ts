/** Files of the local adapter: blobs stored in IndexedDB. Loaded on the first upload. */
import { parse, type FilesApi } from '../../backend.js';
import { FILE_LIMITS, FileInput, IMAGE_TYPES, type FileRef } from '../../schema/index.js';
import type { Core } from './core.js';
import { invalid } from './domain.js';

export class LocalFiles implements FilesApi {
  constructor(private readonly core: Core) {}

  /**
   * Stores the blob itself in IndexedDB. Anyone may upload (an anonymous finder's photo).
   * Wrong type → `file.type`; larger than `FILE_LIMITS` → `file.tooLarge {max}`.
   */
  async upload(input: FileInput): Promise<FileRef> {
    const file = parse(FileInput, input);
    const type = file.blob.type;
    const kind = (IMAGE_TYPES as readonly string[]).includes(type) ? 'image' : type === 'application/pdf' ? 'pdf' : null;
    if (!kind) throw invalid('blob', 'file.type', { type: type || 'unknown' });
    if (file.blob.size === 0) throw invalid('blob', 'file.empty');
    if (file.blob.size > FILE_LIMITS[kind]) throw invalid('blob', 'file.tooLarge', { max: FILE_LIMITS[kind] });
    const createdAt = this.core.now().toISOString();
    return this.core.write(['files'], async (tx) => {
      const files = tx.objectStore('files');
      const existing = await files.get(file.id);
      if (existing) return this.core.fileRef(existing);
      const record = {
        id: file.id, kind, name: file.name, type: type as FileRef['type'], size: file.blob.size, blob: file.blob, createdAt,
        ...(file.width !== undefined && { width: file.width }),
        ...(file.height !== undefined && { height: file.height }),
      } as const;
      await files.put(record);
      return this.core.fileRef(record);
    });
  }
}
