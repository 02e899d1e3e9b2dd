// Package text cuts clean article text into tokens, sentences and paragraphs, and pairs its quote
// marks, all as byte spans into the text, so that later stages (quotes, entities, positions) cite
// exactly the words they read.
//
// It is written for news prose. Abbreviations (U.S., Dr., Jan., Gen., No.), initials and numbers
// (3.5, 1,200) do not end sentences. Apostrophes (Russia’s, ’90s, rock ’n’ roll) are told apart
// from quote marks. Straight and curly marks may be mixed in one article, and a quote may run over
// several paragraphs with its opening mark repeated at each paragraph or left out (Quotations).
//
// Parse does all of it in one pass over the text and returns a Doc; Tokens, Sentences, Paragraphs
// and Quotations do one part each. Everything works on UTF-8 text and never panics on malformed
// input: invalid bytes are read as single-byte symbols.
package text
