import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftypBrands, headVerdict, sniffBytes, sniffFile, typeRefusal } from './content-sniffing.js';
import { loadPurposes, purposesByName } from './purposes.js';
import { docxBytes, exeBytes, ftypBytes, pdfBytes, pngBytes, zipBytes } from './test-files.js';

const purposes = purposesByName(loadPurposes());
const photo = purposes.get('photo')!;
const document = purposes.get('document')!;
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'sipadu-sniff-spec-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function sniffAsFile(name: string, bytes: Buffer) {
  const file = path.join(directory, name);
  await writeFile(file, bytes);
  return sniffFile(file);
}

describe('type sniffing from bytes', () => {
  it('recognises a PDF, a PNG and a DOCX whatever their names', async () => {
    expect(await sniffAsFile('foto.jpg', await pdfBytes())).toEqual({
      mime: 'application/pdf',
      ext: 'pdf',
    });
    expect(await sniffAsFile('laporan.pdf', await pngBytes())).toEqual({
      mime: 'image/png',
      ext: 'png',
    });
    expect((await sniffAsFile('x.bin', docxBytes()))?.mime).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('sees a renamed .exe for what it is and refuses it with the allowed types', async () => {
    const sniffed = await sniffAsFile('laporan.pdf', exeBytes());
    expect(sniffed?.ext).toBe('exe');
    expect(headVerdict(document, sniffed, false)).toBe('refused');
    const refusal = typeRefusal(document, sniffed);
    expect(refusal.status_code).toBe(415);
    expect(refusal.body).toBe(
      'Jenis berkas tidak diizinkan untuk Dokumen (isi berkas terbaca sebagai EXE). Jenis yang diizinkan: PDF, DOCX, XLSX.',
    );
  });

  it('detects HEIC photos, including those with major brand mif1', async () => {
    expect(await sniffBytes(ftypBytes('heic', ['mif1', 'heic']))).toEqual({
      mime: 'image/heic',
      ext: 'heic',
    });
    expect(await sniffAsFile('a.heic', ftypBytes('mif1', ['mif1', 'heic', 'miaf']))).toEqual({
      mime: 'image/heic',
      ext: 'heic',
    });
    expect((await sniffBytes(ftypBytes('mif1', ['mif1', 'avif'])))?.mime).toBe('image/heif');
    expect(ftypBrands(ftypBytes('heic', ['mif1', 'heic']))).toEqual(['heic', 'mif1', 'heic']);
  });

  it('waits for the whole file when the head is only a ZIP that may be a DOCX', async () => {
    const zip = { mime: 'application/zip', ext: 'zip' };
    expect(headVerdict(document, zip, false)).toBe('undecided');
    expect(headVerdict(document, zip, true)).toBe('refused');
    expect(headVerdict(photo, zip, false)).toBe('refused');
    expect(headVerdict(document, null, false)).toBe('undecided');
    expect(headVerdict(document, null, true)).toBe('refused');
    expect((await sniffAsFile('arsip.docx', zipBytes({ 'a.txt': 'halo' })))?.mime).toBe(
      'application/zip',
    );
  });

  it('allows what the purpose lists', async () => {
    expect(headVerdict(photo, await sniffBytes(await pngBytes()), false)).toBe('allowed');
    expect(headVerdict(photo, await sniffBytes(await pdfBytes()), false)).toBe('refused');
  });
});
