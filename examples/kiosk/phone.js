// The kiosk's QR code opens this page with the kiosk's service, channel and scale as parameters
// (`?service=etat-civil&channel=counter&scale=smileys-3`): the rating here then rates the same thing.
// A file rather than an inline script, so that the page keeps to a strict Content-Security-Policy.
const rating = document.querySelector('civic-satisfaction-rating');
const parameters = new URLSearchParams(location.search);
for (const name of ['service', 'channel', 'scale']) {
  const value = parameters.get(name);
  // A wrong value is the element's to report: it names the attribute the server refused.
  if (value) rating?.setAttribute(name, value);
}
