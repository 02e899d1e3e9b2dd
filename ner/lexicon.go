package ner

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed clusters.txt gazetteer/*.txt
var lexiconFiles embed.FS

// gazLists names the gazetteers, in the order of their bits in wordInfo.gaz; each is the file
// gazetteer/NAME.txt.
func gazLists() [numGaz]string {
	return [numGaz]string{"location", "demonym", "organization", "person", "title", "club", "event"}
}

const (
	numGaz   = 7
	gazTitle = 4
)

// Lexicon is the word knowledge the tagger's features draw on besides the training data: word
// clusters and gazetteers.
type Lexicon struct {
	clusters map[uint64]int32 // hash of a word → index in paths
	paths    [][4]uint64      // hashes of the 4, 6, 10 and 20-bit prefixes of each cluster's path
	gaz      map[uint64][]gazEntry
	sum      uint64 // checksum of the files, recorded in models trained with them
}

// gazEntry is a gazetteer name that starts with the word it is filed under: the hashes of its
// other words, lower-cased, and its list.
type gazEntry struct {
	rest []uint64
	list uint8
}

// DefaultLexicon loads the package's own clusters and gazetteers.
func DefaultLexicon() (*Lexicon, error) {
	return loadLexicon(lexiconFiles)
}

func loadLexicon(fsys fs.FS) (*Lexicon, error) {
	lx := &Lexicon{clusters: make(map[uint64]int32), gaz: make(map[uint64][]gazEntry), sum: fnvOffset}
	if err := lx.readClusters(fsys, "clusters.txt"); err != nil {
		return nil, err
	}
	for i, name := range gazLists() {
		if err := lx.readGazetteer(fsys, path.Join("gazetteer", name+".txt"), uint8(i)); err != nil {
			return nil, err
		}
	}
	return lx, nil
}

func (lx *Lexicon) checksum(data []byte) {
	for _, c := range data {
		lx.sum ^= uint64(c)
		lx.sum *= fnvPrime
	}
}

// readClusters reads lines of "PATH WORD COUNT", the format of Liang's wcluster, which
// InduceClusters writes too.
func (lx *Lexicon) readClusters(fsys fs.FS, name string) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("read word clusters: %w", err)
	}
	lx.checksum(data)
	byPath := make(map[string]int32)
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 2 {
			return fmt.Errorf("read word clusters: line %d: want PATH<tab>WORD", n)
		}
		id, ok := byPath[f[0]]
		if !ok {
			id = int32(len(lx.paths))
			byPath[f[0]] = id
			var p [4]uint64
			for i, k := range [4]int{4, 6, 10, 20} {
				p[i] = mix(uint64(k), hashString(f[0][:min(k, len(f[0]))]))
			}
			lx.paths = append(lx.paths, p)
		}
		lx.clusters[hashString(f[1])] = id
	}
	return nil
}

func (lx *Lexicon) readGazetteer(fsys fs.FS, name string, list uint8) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("read gazetteer: %w", err)
	}
	lx.checksum(data)
	var buf []byte
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		toks := Tokenize(line)
		hs := make([]uint64, len(toks))
		for i, t := range toks {
			buf = appendLower(buf[:0], t.Text)
			hs[i] = hashBytes(buf)
		}
		lx.gaz[hs[0]] = append(lx.gaz[hs[0]], gazEntry{rest: hs[1:], list: list})
	}
	return nil
}

func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

func appendTitle(dst, low []byte) []byte {
	r, n := utf8.DecodeRune(low)
	dst = utf8.AppendRune(dst, unicode.ToUpper(r))
	return append(dst, low[n:]...)
}
