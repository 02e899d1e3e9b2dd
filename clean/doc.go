// Package clean turns the paragraphs of an article, from plain text, Markdown or an HTML
// extractor, into clean article text: boilerplate out (kept verbatim), headings kept as structure,
// a headline glued to its subheading split, and the text NFC-normalised without touching quote
// marks or apostrophes.
package clean
