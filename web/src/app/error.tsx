'use client';

/**
 * Unexpected failure while rendering: a readable message and a retry, never a stack trace.
 * Plain Indonesian text, since this boundary also covers pages without client translations.
 */
export default function RenderError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" style={{ maxWidth: '40rem', margin: '3rem auto', padding: '0 1rem' }}>
      <h1>Terjadi kesalahan</h1>
      <p>Halaman ini tidak dapat ditampilkan saat ini. Silakan coba lagi beberapa saat lagi.</p>
      <button type="button" onClick={reset}>
        Coba lagi
      </button>
    </div>
  );
}
