/**
 * Who published a reported figure's page, read from its address, and whose figures it passes on.
 */
/** Publishers of official pages, by host; any other host is a news outlet named by its host. */
const OFFICIAL_HOSTS: Record<string, string> = {
  'gov.uk': 'Home Office',
  'policeconduct.gov.uk': 'Independent Office for Police Conduct',
  'college.police.uk': 'College of Policing',
  'production.copweb.aws.college.police.uk': 'College of Policing',
  'collegeofpolicing-newsroom.prgloo.com': 'College of Policing',
};

/** Publishers of the news pages national figures come from, by host. */
const NEWS_HOSTS: Record<string, string> = {
  'wired-gov.net': 'Wired-Gov (IOPC press release)',
  'policeprofessional.com': 'Police Professional',
  'independent.co.uk': 'The Independent (PA)',
  'urdupoint.com': 'UrduPoint (PA copy)',
  'touch.policeoracle.com': 'Police Oracle',
  'bt24news.com': 'Daily Express (copy on an aggregator site)',
  'braintreeandwithamtimes.co.uk': 'Braintree and Witham Times',
  'chad.co.uk': 'Chad (Mansfield)',
  'readingchronicle.co.uk': 'Reading Chronicle',
  'petersfieldpost.co.uk': 'Petersfield Post',
  'itv.com': 'ITV News',
  'hellorayo.co.uk': 'Cool FM / Hello Rayo (PA)',
  'feeds.bbci.co.uk': 'BBC News',
  'stroudnewsandjournal.co.uk': 'Stroud News and Journal',
  'dailymail.co.uk': 'Daily Mail',
  'hemeltoday.co.uk': 'Hemel Today',
  'granthamjournal.co.uk': 'Grantham Journal',
};

/** Hosts of third parties' own analyses, by host. */
const ANALYSIS_HOSTS: Record<string, string> = { 'github.com': 'BBC Shared Data Unit' };

export function host(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '').replace(/\.$/, '');
}

/** Compares addresses without scheme, "www." or trailing slash. */
export function sameAddress(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '')
    .replace(/\.\//, '/');
}

/** Whose figures a report passes on, in the words answers use. */
export function basedOn(underlying: string, metric: string): string {
  if (/movius/i.test(`${underlying} ${metric}`)) return 'a Movius.ai analysis of Home Office figures';
  if (/^Home Office/i.test(underlying)) return 'Home Office figures';
  if (/^IOPC/i.test(underlying)) return 'IOPC figures';
  if (/^IPCC/i.test(underlying)) return 'IPCC figures';
  if (/College of Policing/i.test(underlying)) return 'College of Policing figures';
  // Answers print this beside the figure: a reference number or meeting date in it would read as a figure.
  return underlying.replace(/\s*\d.*$/, '').trim();
}

/** Who publishes an address of the national file, and what kind of publisher that is. */
export function publisherOf(url: string): { publisher: string; origin: 'official' | 'analysis' | 'news' } {
  const h = host(url);
  const official = OFFICIAL_HOSTS[h];
  if (official !== undefined) return { publisher: official, origin: 'official' };
  const analyst = ANALYSIS_HOSTS[h];
  if (analyst !== undefined) return { publisher: analyst, origin: 'analysis' };
  return { publisher: NEWS_HOSTS[h] ?? h, origin: 'news' };
}
