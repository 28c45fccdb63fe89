/** Whole rupiah the way Indonesian finance documents write it: "Rp 12.500.000.000". */
const RUPIAH = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});

/** An amount in rupiah (loan amounts are whole rupiah; any fraction is rounded for display). */
export function formatRupiah(amount: number): string {
  return RUPIAH.format(amount);
}

/** Large amounts in short form for chart axes: "Rp 12,5 M" (miliar), "Rp 750 jt" (juta). */
export function formatRupiahShort(amount: number): string {
  const abs = Math.abs(amount);
  const short = (value: number, unit: string) =>
    `Rp ${value.toLocaleString('id-ID', { maximumFractionDigits: 1 })} ${unit}`;
  if (abs >= 1e12) return short(amount / 1e12, 'T');
  if (abs >= 1e9) return short(amount / 1e9, 'M');
  if (abs >= 1e6) return short(amount / 1e6, 'jt');
  return formatRupiah(amount);
}
