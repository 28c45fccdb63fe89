// Addresses of the public complaint pages. The tracking code never goes into one: addresses end
// up in logs, histories and shared screenshots.

export const TRACK_COMPLAINT_HREF = '/lacak';

/** The complaint form, with the service the citizen came from already chosen. */
export function complaintFormHref(serviceId?: string): string {
  return serviceId ? `/lapor?layanan=${encodeURIComponent(serviceId)}` : '/lapor';
}
