import { open } from 'node:fs/promises';
import type http from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { headVerdict, sniffBytes, SNIFF_BYTES, typeRefusal } from './content-sniffing.js';
import { knownSignatureIn, malwareRefusal } from './malware-scan.js';
import type { UploadPurpose } from './purposes.js';
import type { UploadRefusal } from './upload-refusal.js';

type Decide = (head: Buffer, complete: boolean) => Promise<UploadRefusal | null>;

/**
 * Collects the first bytes of an upload as they stream by and stops the stream once they show
 * a type the purpose does not allow, so a 2 GB mislabelled file is refused after 4 KB, not at
 * the end. Only the chunk that completes the head waits for the verdict.
 */
class HeadSniffer extends Transform {
  refusal: UploadRefusal | null = null;
  private readonly parts: Buffer[];
  private length: number;
  private decided = false;

  constructor(
    earlier: Buffer,
    private readonly total: number,
    private readonly decide: Decide,
  ) {
    super();
    this.parts = earlier.length ? [earlier] : [];
    this.length = earlier.length;
  }

  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null, data?: Buffer) => void,
  ) {
    if (this.decided) return callback(null, chunk);
    this.parts.push(chunk);
    this.length += chunk.length;
    const complete = this.length >= this.total;
    if (this.length < SNIFF_BYTES && !complete) return callback(null, chunk);
    this.decided = true;
    this.decide(Buffer.concat(this.parts).subarray(0, SNIFF_BYTES), complete).then(
      (refusal) => {
        this.refusal = refusal;
        callback(refusal, refusal ? undefined : chunk);
      },
      (error: Error) => callback(error),
    );
  }
}

/**
 * The tus disk store, plus a look at the first bytes of each upload (see HeadSniffer). Whatever
 * it refuses is deleted at once; the full check of the finished file still follows.
 */
export class SniffingFileStore extends FileStore {
  constructor(
    options: ConstructorParameters<typeof FileStore>[0],
    private readonly purposes: ReadonlyMap<string, UploadPurpose>,
  ) {
    super(options);
  }

  override async write(
    readable: http.IncomingMessage | Readable,
    id: string,
    offset: number,
  ): Promise<number> {
    if (offset >= SNIFF_BYTES) return super.write(readable, id, offset);
    const upload = await this.getUpload(id);
    const purpose = this.purposes.get(upload.metadata?.purpose ?? '');
    if (!purpose || upload.size === undefined || !upload.storage) {
      return super.write(readable, id, offset);
    }
    const earlier = offset > 0 ? await readHead(upload.storage.path, offset) : Buffer.alloc(0);
    const sniffer = new HeadSniffer(earlier, upload.size, async (head, complete) => {
      // The EICAR file is a few bytes of text: named as malware, not as a wrong type.
      const malware = knownSignatureIn(head);
      if (malware) return malwareRefusal(malware);
      const sniffed = await sniffBytes(head);
      return headVerdict(purpose, sniffed, complete) === 'refused'
        ? typeRefusal(purpose, sniffed)
        : null;
    });
    readable.once('error', (error) => sniffer.destroy(error));
    readable.pipe(sniffer);
    try {
      return await super.write(sniffer, id, offset);
    } catch (error) {
      if (!sniffer.refusal) throw error;
      readable.unpipe(sniffer);
      await this.remove(id).catch(() => undefined);
      throw sniffer.refusal;
    }
  }
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(length);
    const { bytesRead } = await handle.read(head, 0, length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
