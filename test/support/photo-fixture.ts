// Site photos for progress reports: real JPEGs whose EXIF carries GPS position and capture time,
// made by the same generator as the SIPOPI demo data.
export { jpegWithGps, type PhotoCaptureInput } from '../../scripts/lib/demo-projects/media.js';
