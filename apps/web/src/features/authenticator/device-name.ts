/** Short names for browsers, from the user agent: "Chrome on Android", "Safari on iPhone". */
function browserName(userAgent: string): string {
  if (/Edg(A|iOS)?\//.test(userAgent)) return 'Edge';
  if (/SamsungBrowser\//.test(userAgent)) return 'Samsung Internet';
  if (/OPR\//.test(userAgent)) return 'Opera';
  if (/Firefox\/|FxiOS\//.test(userAgent)) return 'Firefox';
  if (/Chrome\/|CriOS\/|Chromium\//.test(userAgent)) return 'Chrome';
  if (/Safari\//.test(userAgent)) return 'Safari';
  return '';
}

function systemName(userAgent: string): string {
  if (/iPhone/.test(userAgent)) return 'iPhone';
  if (/iPad/.test(userAgent)) return 'iPad';
  if (/Android/.test(userAgent)) return 'Android';
  if (/Windows/.test(userAgent)) return 'Windows';
  if (/CrOS/.test(userAgent)) return 'ChromeOS';
  if (/Macintosh|Mac OS X/.test(userAgent)) return 'Mac';
  if (/Linux/.test(userAgent)) return 'Linux';
  return '';
}

export function describeUserAgent(userAgent: string): string {
  const browser = browserName(userAgent);
  const system = systemName(userAgent);
  if (browser && system) return `${browser} on ${system}`;
  return browser || system || 'Unknown browser';
}

/** What a new device is called unless its owner says otherwise. */
export function defaultDeviceName(): string {
  return describeUserAgent(navigator.userAgent).slice(0, 60);
}

/** "203.0.113.7 · Mozilla/5.0 (…)" from the server, made readable: "203.0.113.7 · Chrome on Linux". */
export function describeRequestOrigin(requestedFrom: string): string {
  const separator = requestedFrom.indexOf(' · ');
  if (separator < 0) return requestedFrom;
  const address = requestedFrom.slice(0, separator);
  const agent = requestedFrom.slice(separator + 3);
  return `${address} · ${describeUserAgent(agent)}`;
}
