// Package dossier holds the small types that cross the stages of the news-intelligence flow:
//
//	sources ──ingest──▶ Document ──extract──▶ Article ──analyze──▶ record ──story──▶ Story ──brief──▶ Briefing
//
// A stage imports only the stages before it and this package. Byte offsets (Span) always refer to
// Article.Text, the cleaned text that later stages analyse and cite.
package dossier
