// Package watch polls RSS, Atom and JSON feeds on a schedule and adds their new items to the
// store, through the same path as `dossier add`.
//
// # What goes in
//
// ParseFeeds reads a feeds file: OPML (every outline with an xmlUrl, nested or not) or one URL a
// line with # comments. A Watcher takes the feeds it names, a States that keeps each feed's
// state (store.Store is one) and an Adder that stores one document (the command wires it to the
// add flow).
//
// # How it polls
//
// Each feed is fetched with a conditional GET: the ETag and Last-Modified of the last fetch
// that was read to the end go back as If-None-Match and If-Modified-Since, and a 304 means
// nothing new. A host never has more than one request from the watcher in flight, and there is
// at least Options.HostDelay between the end of one request to a host and the start of the
// next; hosts are polled side by side (Options.Hosts at once), so a slow host delays only its
// own feeds. A fetch that fails (a status other than 2xx or 304, a body that is not a feed, a
// redirect loop, a timeout, a refused private address) backs the feed off: Options.Every
// doubled for each failure in a row, capped at Options.MaxBackoff, jittered down by up to half,
// and never sooner than a 429 or 503's Retry-After. The other feeds go on.
//
// Items are parsed by ingest, as `dossier add` parses a feed file, and added oldest first.
// A Webhook, called by the Adder for each article it stores, posts a JSON event when an actor
// someone follows gains a quote or a position.
//
// # What survives a stop
//
// Everything the watcher knows of a feed is in States: validators, last poll, last success,
// next poll, failures in a row, last error and the count of items added. The state is written
// after each item the Adder stores, and the validators change only once every item of the
// fetch is in, so a watcher killed at any moment fetches an interrupted feed again in full on
// restart; the Adder skips what the store already has, so nothing is lost and nothing is
// stored twice. A restarted watcher honours the next-poll times it finds, so restarting does
// not hammer servers, and a feed that was backing off goes on backing off.
//
// # Time
//
// The watcher reads time and sleeps only through a Clock, so that tests run hours of polling,
// backoff and politeness under a fake clock without waiting.
package watch
