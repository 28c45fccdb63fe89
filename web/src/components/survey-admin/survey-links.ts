/** Where a service standard is edited (internal). */
export function standardHref(id: string): string {
  return `/standar-pelayanan/${encodeURIComponent(id)}`;
}

/** The public page of a service (helper pages under app/(public)). */
export function publicServiceHref(id: string): string {
  return `/layanan/${encodeURIComponent(id)}`;
}

/** The printable QR poster of a service's survey, for the service counter. */
export function servicePosterHref(id: string): string {
  return `${publicServiceHref(id)}/qr`;
}
