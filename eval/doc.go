// Package eval scores dossier's output against gold annotations and published benchmarks, so
// that a change can be measured before it is kept. Each scorer reproduces the metric of the data
// set it is named after, so that figures compare with published results.
//
// Article-body extraction (extraction.go) uses the Scrapinghub/Zyte article-extraction
// benchmark's shingle metric; LoadExtractionBench reads that benchmark's directory layout.
package eval
