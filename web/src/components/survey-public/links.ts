// Addresses of the public SIPUTRI pages, in one place (the counter QR code prints one of them).

export function serviceHref(serviceId: string): string {
  return `/layanan/${encodeURIComponent(serviceId)}`;
}

export function surveyHref(serviceId: string): string {
  return `/survei/${encodeURIComponent(serviceId)}`;
}

export function posterHref(serviceId: string): string {
  return `${serviceHref(serviceId)}/qr`;
}

export function organizationResultsHref(organizationCode: string, periodQuery?: string): string {
  const path = `/hasil-survei/${encodeURIComponent(organizationCode)}`;
  return periodQuery ? `${path}?${periodQuery}` : path;
}

/**
 * The absolute address printed as the counter's QR code: the survey form with `kanal=loket`, so
 * the answers are counted as given at the counter.
 */
export function counterSurveyUrl(portalOrigin: string, serviceId: string): string {
  const url = new URL(surveyHref(serviceId), portalOrigin);
  url.searchParams.set('kanal', 'loket');
  return url.toString();
}
