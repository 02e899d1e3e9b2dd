// Package server serves a dossier store over HTTP: a JSON API and a web UI, both read from a
// store.Store, and one write, POST /api/articles, that adds an article through an Adder.
//
// # API
//
//	GET  /api/stories                stories, most recently active first (sort=size: largest),
//	                                 each with its articles per day (days=N, default 30)
//	GET  /api/stories/{id}           one story with its articles
//	GET  /api/stories/{id}/brief     the story's briefing (package brief), built from its records
//	GET  /api/articles               articles, newest first (story, outlet, from, to, versions)
//	GET  /api/articles/{id}          one article: its analysis record and its versions
//	GET  /api/actors                 actors, in most articles first (story, type, name)
//	GET  /api/actors/{id}            one actor with its quotes and positions over time
//	GET  /api/quotes                 quotes (speaker, story, article, outlet, kind, from, to)
//	GET  /api/search?q=...           full-text search over articles and quotes, best first, with
//	                                 highlighted snippets (speaker, actor, outlet, issue, story,
//	                                 kind, from, to)
//	POST /api/articles               add one article: a JSON object {title, text or html, url,
//	                                 outlet, published} or an HTML page (Content-Type text/html,
//	                                 ?url= and ?outlet= for what the page does not say)
//
// Lists take limit (1 to 500, default 50) and offset; dates are 2006-01-02 or RFC 3339, and a
// date alone as the end of a range includes that whole day. Every error is a JSON object
// {"error": "..."} with the status that says what went wrong: 400 for a bad parameter, 401 for
// a write without the right bearer token, 403 when the server takes no writes (no token was
// configured), 404, 405, 413 for a body over the limit, 415 for a body that is neither JSON nor
// HTML, 422 for an article that could not be extracted, 503 when the database is locked.
//
// # Web UI
//
// The pages are rendered on the server with html/template and read without JavaScript: the
// story list with each story's activity as a bar chart in inline SVG; the story page, which is
// the briefing (summary, key actors, the actor × issue matrix with the evidence in each cell,
// a timeline chart, quotes by speaker, disagreements side by side, coverage by outlet, sources);
// the article page, which marks a cited span (/articles/{id}?s=START&e=END#cite) so that every
// citation opens the sentence it rests on; the actor page; and the search page. The pages share
// the briefing's stylesheet (brief.CSS) and print like it. The one script, served as a file so
// that the Content-Security-Policy allows no inline script, only centres a cited sentence in
// the window.
//
// # Cost
//
// A page reads what it shows from the store, so its cost follows the size of the story, not of
// the store. A story's briefing is built on its first read and kept, for the 64 stories read
// last, until an article joins the story. Measured without that cache on a store of 100,000
// articles varied from the example corpus (bench_test.go, -bench.articles 100000; 2 shared
// cores): a story page of 12 articles in 11 ms (its briefing alone, GET .../brief, 7 ms), of
// 200 articles in 176 ms (118 ms), of which brief.Build takes about two thirds and decoding the
// records the rest; the story list in 6 ms; an article page in 0.5 ms.
//
// # Writes
//
// Writes need "Authorization: Bearer TOKEN" with the configured token, compared in constant
// time. Bodies are read through http.MaxBytesReader. Adds are serialised: an Adder files
// articles into stories one at a time.
package server
