import type { RegionInfo } from './types';

/** Region ids per country code. Free of zod (unlike regions.ts), so the page can filter and rank with it. */
export function regionsByCountry(regions: readonly RegionInfo[]): Map<string, string[]> {
  const byCountry = new Map<string, string[]>();
  for (const region of regions) for (const country of region.countries) byCountry.set(country, [...(byCountry.get(country) ?? []), region.id]);
  return byCountry;
}
