import { describe, expect, it } from 'vitest';
import { describeAllowedTypes, describeSize, loadPurposes, purposesByName } from './purposes.js';

const loadUploadPurposes = (json?: string) => purposesByName(loadPurposes(json));

describe('upload purposes', () => {
  it('has photo, video, document and complaint evidence by default with their limits', () => {
    const purposes = loadUploadPurposes(undefined);
    expect([...purposes.keys()]).toEqual(['photo', 'video', 'document', 'bukti-pengaduan']);
    expect(purposes.get('bukti-pengaduan')).toMatchObject({
      maxBytes: 10 * 1024 * 1024,
      contentTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'],
      anonymous: true,
    });
    expect([...purposes.values()].filter((purpose) => purpose.anonymous)).toHaveLength(1);
    expect(purposes.get('photo')).toMatchObject({
      label: 'Foto',
      maxBytes: 20 * 1024 * 1024,
      contentTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'],
    });
    expect(purposes.get('video')?.maxBytes).toBe(2 * 1024 ** 3);
    expect(purposes.get('video')?.contentTypes).toContain('video/quicktime');
    expect(purposes.get('document')?.contentTypes).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
  });

  it('merges overrides over a known purpose and keeps the other fields', () => {
    const purposes = loadUploadPurposes('{"photo":{"maxBytes":1048576,"label":"Foto lapangan"}}');
    expect(purposes.get('photo')).toMatchObject({
      name: 'photo',
      label: 'Foto lapangan',
      maxBytes: 1048576,
      extensions: ['.jpg', '.jpeg', '.png', '.webp', '.heic'],
    });
    // The defaults themselves are untouched.
    expect(loadUploadPurposes().get('photo')?.maxBytes).toBe(20 * 1024 * 1024);
  });

  it('adds a new purpose that names its label, limit and types', () => {
    const purposes = loadUploadPurposes(
      JSON.stringify({
        'peta-zip': { label: 'Peta', maxBytes: 1000, contentTypes: ['application/zip'] },
      }),
    );
    expect(purposes.get('peta-zip')).toEqual({
      name: 'peta-zip',
      label: 'Peta',
      maxBytes: 1000,
      contentTypes: ['application/zip'],
      extensions: [],
    });
  });

  it.each([
    ['not JSON', '{photo:', /bukan JSON yang valid/],
    ['a negative limit', '{"photo":{"maxBytes":-1}}', /photo\.maxBytes/],
    ['an unknown field', '{"photo":{"maxSize":5}}', /photo/],
    [
      'a malformed MIME type',
      '{"photo":{"contentTypes":["jpeg"]}}',
      /contentTypes\.0: harus jenis MIME/,
    ],
    ['a bad purpose name', '{"Foto Besar":{"maxBytes":5}}', /nama tujuan/],
    ['an incomplete new purpose', '{"audio":{"maxBytes":5}}', /audio: tujuan baru wajib/],
    // Uploads without an account are a decision of the code, never of a setting.
    ['opening a purpose to anonymous uploads', '{"document":{"anonymous":true}}', /document/],
  ])('refuses %s with a clear message', (_label, json, message) => {
    expect(() => loadUploadPurposes(json)).toThrow(message);
    expect(() => loadUploadPurposes(json)).toThrow(/UPLOAD_PURPOSES/);
  });

  it('describes allowed types and sizes for messages', () => {
    const purposes = loadUploadPurposes();
    expect(describeAllowedTypes(purposes.get('document')!)).toBe('PDF, DOCX, XLSX');
    expect(describeSize(20 * 1024 * 1024)).toBe('20 MB');
    expect(describeSize(2 * 1024 ** 3)).toBe('2 GB');
    expect(describeSize(1536)).toBe('1,5 KB');
    expect(describeSize(10)).toBe('10 byte');
  });
});
