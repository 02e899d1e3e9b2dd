// Package examples holds a built-in corpus of fictional news articles, returned by Corpus, for
// demonstrations, documentation and end-to-end tests. Everything in it is invented: the
// countries, people, outlets and web addresses (under the reserved .example domain).
//
// # The story
//
// Caldora, upstream on the Sarn river, began filling the reservoir of its Korrin Gorge Dam in early
// March 2031. Velmar, downstream, grows most of its rice and cotton in the Sarn delta. The Lowland
// Council's special envoy, Ilsa Tamberlin, mediates talks in Brevik, Ostrenia. Velmar (Prime
// Minister Ruta Salvik, Foreign Minister Anselm Drey) demands a guaranteed dry-season flow, a
// joint monitoring commission and slow filling; Caldora (President Lena Koruth, Water Minister
// Tomas Averin) offers gauge data and notice of releases but no binding quota. After a phone call
// between the two leaders on Thursday 17 April, Velmar says interim water quotas were agreed in
// principle and Caldora says quotas were never discussed. Experts are quoted with their roles:
// Dr. Mara Velk (Institute for Transboundary Water Studies), Professor Oren Kallis (University of
// Orvet), Nadia Feroz (Carrow Policy Centre), Dr. Ines Harrow (Delta Agricultural Research
// Station). Farmers protest, Velmar threatens arbitration, the envoy tables a plan in May and
// Caldora slows the filling.
//
// Outlets and their slants: Meridian Wire Service (neutral wire agency), The Orvet Courier
// (Caldoran, close to the government), Hesk Evening Post (Velmari), RiverWatch (environmental,
// reader-funded), Sarn Valley Dispatch (local delta news), The Lowland Observer (international
// analysis).
//
// # Files and the hard case each carries
//
//	meridian-2031-04-14-talks-open.txt          plain text with a sidecar .meta.json (outlet, url,
//	                                            published, title); demands of both sides; "on Monday",
//	                                            "in early March", "since 2024"
//	orvet-courier-2031-04-16-caldora-terms.md   Markdown (headings, lists, emphasis, a link); straight
//	                                            and curly quote marks mixed, including single ones;
//	                                            a name spelled two ways (Tomás / Tomas Averin)
//	meridian-2031-04-18-call-readouts.txt       headline glued to its subheading on the first line;
//	                                            the two conflicting readouts of the call; a quote over
//	                                            two paragraphs, closed only at the end; a speaker
//	                                            that is an institution ("the Caldoran presidency")
//	meridian-2031-04-18-call-readouts-copy.txt  an exact duplicate of the file above
//	hesk-evening-post-2031-04-19-call-readouts.html
//	                                            the same wire story reprinted with light edits (a
//	                                            near-duplicate) in a full page: nav, breadcrumb, share
//	                                            buttons, figure, related links, newsletter box, og: and
//	                                            JSON-LD metadata, <time datetime>
//	riverwatch-2031-04-22-delta-salt.txt        donation appeal at the end ("A message from ...",
//	                                            "Dear readers,", "support us", "Remind me later.");
//	                                            relative dates ("last week", "in the second week of April")
//	sarn-valley-dispatch-2031-04-25-meskel-bridge.txt
//	                                            "Previous:" / "Next:" links with other stories'
//	                                            headlines at the end; outlet, section, date and byline
//	                                            run together on one line; pronoun speakers
//	orvet-courier-2031-04-28-arbitration.html   a second page from another CMS: cookie banner, menu,
//	                                            share links, pull quote repeating a sentence, newsletter
//	                                            form, comments, "Most read" sidebar; JSON-LD with a
//	                                            Person author
//	lowland-observer-2031-05-02-analysis.txt    section labels ("Summary", "Analysis", "What to watch")
//	                                            as paragraphs of their own; an account of both readouts
//	hesk-evening-post-sarn-feed.xml             RSS 2.0 feed with two items, HTML in content:encoded,
//	                                            newest first
//	meridian-archive-2031-05.jsonl              JSON Lines with two records: one with "text", one with
//	                                            "html" (character entities)
package examples
