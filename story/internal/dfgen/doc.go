// Command dfgen writes the background document-frequency table that story clustering embeds
// (story/docfreq.txt): for each term, the number of documents of a reference news collection
// that contain it. The collection is the real articles of ../shared/bench, read at run time; the
// table holds counts only, never text. Run it with go generate in the story package:
//
//	go run ./internal/dfgen -bench ../../shared/bench -o docfreq.txt
//
// The documents are the true article texts of the extraction benchmark (181 pages, many kinds of
// news), the TimeBank and AQUAINT documents (1990s wire news), the CoNLL-2003 documents (Reuters,
// 1996) and the training half of the quotes benchmark (US election news, 2015–2016). The quotes
// benchmark's dev half is left out because the story tests score clustering on it.
package main
