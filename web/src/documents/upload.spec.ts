import { describe, expect, it } from 'vitest';
import { formatBytes, shortHash } from './format-bytes';
import { acceptOf, extensionOf, precheckFile } from './upload-precheck';
import { NETWORK_REFUSAL, uploadRefusalMessage } from './upload-refusal';

const document = {
  name: 'document',
  label: 'dokumen',
  maxBytes: 50 * 1024 * 1024,
  contentTypes: ['application/pdf'],
  extensions: ['pdf', '.DOCX'],
};

describe('upload pre-checks', () => {
  it('accepts a file within the purpose', () => {
    expect(precheckFile({ name: 'MC0.PDF', size: 1000 }, document)).toBeNull();
    expect(precheckFile({ name: 'laporan.docx', size: 1000 }, document)).toBeNull();
  });

  it('refuses oversize, empty and other extensions in Indonesian', () => {
    expect(precheckFile({ name: 'a.pdf', size: 60 * 1024 * 1024 }, document)).toBe(
      'Ukuran berkas 60 MB melebihi batas 50 MB untuk dokumen.',
    );
    expect(precheckFile({ name: 'a.pdf', size: 0 }, document)).toBe(
      'Berkas kosong tidak dapat diunggah.',
    );
    expect(precheckFile({ name: 'setup.exe', size: 10 }, document)).toBe(
      'Jenis berkas tidak diizinkan untuk dokumen. Yang diterima: PDF, DOCX.',
    );
    expect(precheckFile({ name: 'tanpa-ekstensi', size: 10 }, document)).not.toBeNull();
  });

  it('builds the accept attribute and reads extensions', () => {
    expect(acceptOf(document)).toBe('.pdf,.docx');
    expect(extensionOf('arsip.tar.GZ')).toBe('gz');
    expect(extensionOf('.bashrc')).toBe('');
  });
});

describe('upload refusals', () => {
  it("shows the server's own sentence, from JSON or text", () => {
    expect(
      uploadRefusalMessage(415, '{"errors":[{"message":"Jenis berkas tidak diizinkan."}]}'),
    ).toBe('Jenis berkas tidak diizinkan.');
    expect(uploadRefusalMessage(413, '{"message":"Berkas terlalu besar."}')).toBe(
      'Berkas terlalu besar.',
    );
    expect(uploadRefusalMessage(422, 'SHA-256 tidak cocok.')).toBe('SHA-256 tidak cocok.');
  });

  it('falls back to a sentence per status, never markup', () => {
    expect(uploadRefusalMessage(413, '')).toMatch(/melebihi batas/);
    expect(uploadRefusalMessage(415, '<html>Unsupported</html>')).toMatch(/tidak diizinkan/);
    expect(uploadRefusalMessage(0, '')).toBe(NETWORK_REFUSAL);
    expect(uploadRefusalMessage(502, '')).toMatch(/Server/);
  });
});

describe('formatting', () => {
  it('formats sizes and short hashes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1,5 KB');
    expect(formatBytes(50 * 1024 * 1024, 'en')).toBe('50 MB');
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaaaaaa');
  });
});
