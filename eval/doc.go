// Package eval scores dossier's output against gold annotations and published benchmarks, so
// that a change can be measured before it is kept. Each scorer reproduces the metric of the data
// set it is named after, so that figures compare with published results.
//
// Article-body extraction (extraction.go) uses the Scrapinghub/Zyte article-extraction
// benchmark's shingle metric: ScoreExtraction for the summary, ScoreExtractionPages for the
// per-page breakdown. LoadExtractionBench reads that benchmark's directory layout and
// RunExtraction runs any extractor over it, so a command needs only to pass extract.HTML.
package eval
