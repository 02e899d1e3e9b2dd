// Package eval scores dossier's output against gold annotations and published benchmarks, so
// that a change can be measured before it is kept. Each scorer reproduces the metric of the data
// set it is named after, so that figures compare with published results.
//
// Article-body extraction (extraction.go) uses the Scrapinghub/Zyte article-extraction
// benchmark's shingle metric: ScoreExtraction for the summary, ScoreExtractionPages for the
// per-page breakdown. LoadExtractionBench reads that benchmark's directory layout and
// RunExtraction runs any extractor over it, so a command needs only to pass extract.HTML.
//
// Quotes with speakers (quotes.go) are scored against gold files in the format of
// seeds/gold/quotes.jsonl (ReadGoldQuotes): a prediction matches a gold quote when their word
// sets overlap by at least half of the smaller one and its speaker contains one of the gold's
// accepted names as whole words. ScoreQuotes gives precision, recall and F1 for texts alone and
// with speakers, overall and by kind, with the misses; WriteQuoteReport prints them.
//
// Temporal expressions (timex.go) use the TempEval-3 measure (UzZaman et al. 2013, section 4.1)
// on files in the format of ../shared/bench/temporal/*/gold.jsonl (LoadTimexBench): PairTimex
// pairs gold and predicted expressions one to one in each document, identical extents first,
// then overlapping ones; TimexScore gives strict and relaxed extent, type and value precision,
// recall and F1 over all documents; TimexErrors groups the errors by kind and expression.
package eval
