/** Indonesian text for each refusal status of the file service, when its body says nothing usable. */
const BY_STATUS: Record<number, string> = {
  400: 'Data unggahan tidak lengkap atau tujuan unggahan tidak dikenal.',
  401: 'Sesi Anda telah berakhir. Silakan masuk kembali lalu unggah ulang.',
  403: 'Anda tidak berwenang mengunggah atau membuka berkas ini.',
  404: 'Unggahan tidak ditemukan atau sudah kedaluwarsa. Silakan unggah ulang.',
  410: 'Unggahan sudah kedaluwarsa. Silakan unggah ulang.',
  413: 'Ukuran berkas melebihi batas untuk jenis unggahan ini.',
  415: 'Jenis berkas tidak diizinkan untuk unggahan ini.',
  422: 'Sidik SHA-256 berkas tidak cocok: berkas berubah atau rusak saat dikirim. Silakan unggah ulang.',
  429: 'Terlalu banyak permintaan. Silakan coba lagi dalam beberapa saat.',
  460: 'Sidik SHA-256 berkas tidak cocok: berkas berubah atau rusak saat dikirim. Silakan unggah ulang.',
};

const FALLBACK = 'Unggahan gagal. Silakan coba lagi.';
export const NETWORK_REFUSAL =
  'Koneksi terputus. Unggahan akan dilanjutkan dari bagian terakhir saat koneksi kembali.';

/** Pulls a human message out of a refusal body: JSON (`errors[0].message`, `message`) or short text. */
function messageOf(body: string): string | null {
  const text = body.trim();
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as {
      message?: unknown;
      error?: unknown;
      errors?: { message?: unknown }[];
    };
    const candidate = parsed.errors?.[0]?.message ?? parsed.message ?? parsed.error;
    return typeof candidate === 'string' && candidate.trim() ? candidate.trim() : null;
  } catch {
    // Plain text is the server's own sentence; markup (a proxy's error page) is not.
    return text.length <= 300 && !text.startsWith('<') ? text : null;
  }
}

/** What to tell the user about a refused upload request (status 0: no answer at all). */
export function uploadRefusalMessage(status: number, body: string): string {
  if (status === 0) return NETWORK_REFUSAL;
  if (status >= 500) return messageOf(body) ?? 'Server sedang bermasalah. Silakan coba lagi nanti.';
  return messageOf(body) ?? BY_STATUS[status] ?? FALLBACK;
}
