package examples

import (
	"embed"
	"io/fs"
)

// The corpus is compiled into the binary so that `dossier` can demonstrate itself with no files
// at hand; embed.FS is read-only.
//
//go:embed corpus
var corpus embed.FS

// Corpus returns the example articles as a file system whose root is the corpus directory, ready
// for a reader that walks an fs.FS.
func Corpus() fs.FS {
	sub, err := fs.Sub(corpus, "corpus")
	if err != nil {
		// fs.Sub fails only for an invalid path, and "corpus" is a valid one.
		panic("examples: open embedded corpus: " + err.Error())
	}
	return sub
}
