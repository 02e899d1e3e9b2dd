// Package story groups articles into stories. Its first step, Dedup, recognises articles that
// copy an earlier one: exact duplicates and near-duplicates such as syndicated wire copy,
// lightly edited reprints and the same text under another outlet's header and footer.
//
// # How duplicates are found
//
// Texts are compared after normalisation: words (runs of letters, digits and combining marks)
// lowercased, with punctuation, quote marks and spacing dropped, so that re-typeset quotes or
// re-wrapped lines make no difference. Two texts whose normalised words are the same, in the same
// order, are exact duplicates; they are found by a SHA-256 content hash of the normalised text.
//
// Near-duplicates are found by the Jaccard similarity of the two texts' shingle sets, estimated
// with MinHash (128 hash functions by default, standard error about 0.035 at 0.8) and looked up
// with LSH banding, so that each new article is compared only with the few earlier ones sharing a
// band bucket: adding an article costs the same whether a hundred or a million came before.
//
// A shingle is one word by default. This was decided by measurement on the 181 true article
// texts of ../shared/bench/extraction (TestDedupGroundTruth), with the threshold at 0.8:
//
//	shingle   drop a paragraph   reword 5%   header+footer   quote marks   light recall   false pairs
//	1 word         0.95            0.96          0.98            1.00          0.97        0 of 16290
//	2 words        0.92            0.71          0.98            1.00          0.90        0 of 16290
//	3 words        0.91            0.12          0.98            1.00          0.75        0 of 16290
//
// Rewording one word in twenty breaks a tenth of the word pairs and a seventh of the word
// triples, which pulls most copies under 0.8; single words lose only the changed words. On 921
// US election articles from seven outlets (../shared/bench/quotes), single words flag five pairs,
// each two editions of one story (web and print, or a next-day reprint), where word pairs flag
// three; next come a same-day update of one story (0.76) and two entries of one live blog
// (0.67), while unrelated articles stay under 0.3, and different outlets' articles on one story
// (the seeds) under 0.2. The price of ignoring word order shows on very short texts: two
// one-sentence briefs on one event, worded differently, can share most of their words (0.75 for
// the pair in testdata/dedup). Callers that see many such briefs can set DedupOptions.Shingle
// to 2. Copies with all four light edits at once fall to about 0.55 recall: their similarity is
// genuinely under 0.8.
//
// SimHash was not chosen: it approximates cosine similarity of weighted features, so a Jaccard
// threshold has no direct meaning for it, and searching a Hamming radius needs permuted tables.
//
// Adding an article takes about 70 µs for 5 KB of text (BenchmarkDedupAdd: about 14,000
// articles/s on one core, and 10,000 with 50,000 articles already indexed). A Dedup keeps about
// 1.5 KB per article (a 512-byte signature, the LSH bucket entries, the content hash and the id);
// it is meant for one goroutine at a time.
package story
