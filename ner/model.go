package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
)

// ErrStaleModel means a model was trained with other clusters or gazetteers than the package has:
// its features would not mean what they meant in training, so it must be trained again.
var ErrStaleModel = errors.New("model was trained with other word clusters or gazetteers")

// ErrBadModel means model data is not a model this package wrote.
var ErrBadModel = errors.New("not a dossier NER model")

const modelMagic = "dossier-ner 1\n"

//go:embed model.gz
var embeddedModel []byte

// Options choose the kinds of features a model uses besides the words themselves; they let
// training measure what clusters and gazetteers add.
type Options struct {
	NoClusters   bool
	NoGazetteers bool
}

// Model is a trained tagger. It is safe for concurrent use.
type Model struct {
	lex   *Lexicon
	opts  Options
	feats *table
	w     []int16 // numLabels weights per row of feats
	trans transitions[int32]
}

// Default returns the model embedded in the package, loaded on first use and shared after.
func Default() (*Model, error) { return defaultModel() }

// defaultModel caches the embedded model: it is read-only after loading, and loading it once per
// article would cost more than the tagging.
var defaultModel = sync.OnceValues(func() (*Model, error) {
	lx, err := DefaultLexicon()
	if err != nil {
		return nil, err
	}
	return Read(bytes.NewReader(embeddedModel), lx)
})

// lexicon returns lx without the parts the options turn off.
func (lx *Lexicon) with(o Options) *Lexicon {
	c := *lx
	if o.NoClusters {
		c.clusters = nil
	}
	if o.NoGazetteers {
		c.gaz = nil
	}
	return &c
}

// Read reads a model written by Write. lx must be the lexicon the model was trained with.
func Read(r io.Reader, lx *Lexicon) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w: %w", ErrBadModel, err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, fmt.Errorf("read model: %w", ErrBadModel)
	}
	var head [4]uint64 // options, lexicon checksum, labels, rows
	for i := range head {
		if head[i], err = binary.ReadUvarint(br); err != nil {
			return nil, fmt.Errorf("read model header: %w", err)
		}
	}
	opts := Options{NoClusters: head[0]&1 != 0, NoGazetteers: head[0]&2 != 0}
	if head[1] != lx.sum {
		return nil, fmt.Errorf("read model: %w", ErrStaleModel)
	}
	if head[2] != numLabels || head[3] > 1<<26 {
		return nil, fmt.Errorf("read model: %w: %d labels, %d rows", ErrBadModel, head[2], head[3])
	}
	rows := int(head[3])
	m := &Model{lex: lx.with(opts), opts: opts, feats: newTable(rows), w: make([]int16, rows*numLabels)}
	var key uint64
	for i := range rows {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("read model features: %w", err)
		}
		key += d
		m.feats.insert(key, int32(i))
	}
	m.feats.n = rows
	for i := range m.w {
		v, err := binary.ReadVarint(br)
		if err != nil {
			return nil, fmt.Errorf("read model weights: %w", err)
		}
		m.w[i] = int16(v)
	}
	m.setTransitions()
	return m, nil
}

// Write writes the model: its features sorted and delta-coded, its weights as varints, gzipped.
func (m *Model) Write(w io.Writer) error {
	type row struct {
		key uint64
		row int32
	}
	var rows []row
	for _, s := range m.feats.slots {
		if s.key != 0 {
			rows = append(rows, row(s))
		}
	}
	slices.SortFunc(rows, func(a, b row) int {
		if a.key < b.key {
			return -1
		}
		return 1
	})
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(modelMagic)
	var buf [binary.MaxVarintLen64]byte
	flags := uint64(0)
	if m.opts.NoClusters {
		flags |= 1
	}
	if m.opts.NoGazetteers {
		flags |= 2
	}
	for _, v := range []uint64{flags, m.lex.sum, numLabels, uint64(len(rows))} {
		bw.Write(binary.AppendUvarint(buf[:0], v))
	}
	var last uint64
	for _, r := range rows {
		bw.Write(binary.AppendUvarint(buf[:0], r.key-last))
		last = r.key
	}
	for _, r := range rows {
		for _, v := range m.w[int(r.row)*numLabels : int(r.row+1)*numLabels] {
			bw.Write(binary.AppendVarint(buf[:0], int64(v)))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

// Features reports how many features have weights in the model.
func (m *Model) Features() int { return m.feats.n }

// TagDocument tags the sentences of one document, given as words, with IOB2 tags. Sentences of
// one document go together because the tagger reads a document twice: the second pass knows how
// the first labelled every word of it.
func (m *Model) TagDocument(sents [][]string) [][]string {
	labels := m.tagDocument(sents)
	out := make([][]string, len(sents))
	for i, ls := range labels {
		out[i] = iob2(ls, make([]string, 0, len(ls)))
	}
	return out
}

func (m *Model) tagDocument(sents [][]string) [][]label {
	var sc scratch
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	infos := make([]wordInfo, 0, n)
	bySent := make([][]wordInfo, len(sents))
	kind := make([]sentKind, len(sents))
	for k, words := range sents {
		var in []wordInfo
		in, kind[k] = m.lex.prepare(words, &sc)
		infos = append(infos, in...)
		bySent[k] = infos[len(infos)-len(in):]
	}
	ctx := documentContexts(bySent)
	// A word's context features are the same at each of its mentions: score them once.
	ctxScores := make(map[uint64][numLabels]int32, len(ctx))
	static := make([][numLabels]int32, n) // the scores of each token's static features
	out := make([][]label, len(sents))
	mem := make(memory)
	at := 0
	for k, in := range bySent {
		for i := range in {
			sc.feats = m.lex.staticFeatures(sc.feats[:0], in, i, kind[k])
			m.addScores(&static[at+i], sc.feats)
			if !in[i].upper {
				continue
			}
			cs, ok := ctxScores[in[i].low]
			if !ok {
				m.addScores(&cs, ctx[in[i].low])
				ctxScores[in[i].low] = cs
			}
			for l, v := range cs {
				static[at+i][l] += v
			}
		}
		out[k] = m.decode(make([]label, len(in)), static[at:], infos[at:], mem, false, &sc)
		mem.remember(in, out[k])
		at += len(in)
	}
	at = 0
	for k := range sents {
		m.decode(out[k], static[at:], infos[at:], mem, true, &sc)
		at += len(out[k])
	}
	return out
}

// decode labels one sentence with the Viterbi algorithm from the static scores of its tokens,
// the features of what the document memory holds of each, and the label transitions.
func (m *Model) decode(dst []label, static [][numLabels]int32, infos []wordInfo, mem memory, whole bool, sc *scratch) []label {
	sc.emit = sc.emit[:0]
	for i := range dst {
		sc.feats = memoryFeatures(sc.feats[:0], infos[i], mem, whole)
		scores := static[i]
		m.addScores(&scores, sc.feats)
		sc.emit = append(sc.emit, scores)
	}
	if cap(sc.back) < len(dst) {
		sc.back = make([][numLabels]label, len(dst))
	}
	viterbi(dst, sc.emit, &m.trans, sc.back[:len(dst)], -1<<30)
	return dst
}

func (m *Model) addScores(scores *[numLabels]int32, feats []uint64) {
	for _, f := range feats {
		r := m.feats.get(f)
		if r < 0 {
			continue
		}
		row := m.w[int(r)*numLabels : int(r)*numLabels+numLabels]
		for l, v := range row {
			scores[l] += int32(v)
		}
	}
}

// setTransitions reads the transition scores from the weights of the previous-label features.
func (m *Model) setTransitions() {
	for p := range label(numLabels + 1) {
		if r := m.feats.get(mix(fLabel1, uint64(p))); r >= 0 {
			for l, v := range m.w[int(r)*numLabels : int(r+1)*numLabels] {
				m.trans[p][l] = int32(v)
			}
		}
	}
}

// prepare computes the word information of a sentence into sc.infos.
func (lx *Lexicon) prepare(words []string, sc *scratch) ([]wordInfo, sentKind) {
	sc.infos = sc.infos[:0]
	for _, w := range words {
		sc.infos = append(sc.infos, lx.info(w, sc))
	}
	lx.markGazetteers(sc.infos)
	return sc.infos, kindOf(words)
}
