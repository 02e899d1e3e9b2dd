package story

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"
)

// ErrBadSnapshot means MarshalBinary did not write the data given to UnmarshalBinary: it is cut
// short, damaged, or from another format version.
var ErrBadSnapshot = errors.New("malformed clusterer snapshot")

// snapshotMagic opens every snapshot; the byte after it is the format version, raised whenever
// the layout below changes, so that an old snapshot is refused instead of misread.
const (
	snapshotMagic   = "dossier-clusterer"
	snapshotVersion = 1
)

// MarshalBinary writes the clusterer's whole state (options, vocabulary and document
// frequencies, actors, articles, stories, index and near-duplicate signatures) so that
// UnmarshalBinary can restore it in another process without reading any text again. A restored
// clusterer files every later article exactly as this one would.
//
// The snapshot takes about a kilobyte per article, most of it the MinHash signatures and the
// weights of the article and story vectors, which do not compress; callers that keep it may
// compress the rest (names and URLs).
func (c *Clusterer) MarshalBinary() ([]byte, error) {
	var e encoder
	e.buf = append(e.buf, snapshotMagic...)
	e.buf = append(e.buf, snapshotVersion)
	e.float(c.threshold)
	d := c.dedup
	e.float(d.threshold)
	e.int(d.shingle)
	e.int(d.hashes)

	terms := make([]string, len(c.termIDs))
	for t, id := range c.termIDs {
		terms[id] = t
	}
	e.int(len(terms))
	for i, t := range terms {
		e.str(t)
		e.int(int(c.termDF[i]))
	}
	e.int(c.bgDocs)
	e.int(c.docs)

	actors := make([]string, len(c.actorIDs))
	for k, id := range c.actorIDs {
		actors[id] = k
	}
	e.int(len(actors))
	for i, k := range actors {
		e.str(k)
		e.ids(c.actorWords[i])
	}

	e.int(len(c.articles))
	for i := range c.articles {
		a := &c.articles[i]
		e.member(a.Member)
		e.str(a.headline)
		e.int(int(a.story))
		e.vector(a.text)
		e.float(a.score)
	}

	e.int(len(c.stories))
	for i := range c.stories {
		s := &c.stories[i]
		e.str(s.id)
		e.vector(s.text)
		e.vector(s.actors)
		e.ids(s.members)
		e.ids(s.dups)
		e.time(s.first)
		e.time(s.last)
		e.vector(s.posted)
		e.ids(s.related)
	}
	for _, p := range c.termPosts {
		e.ids(p)
	}
	for _, p := range c.actorPosts {
		e.ids(p)
	}

	// The dedup's band index is rebuilt from the signatures in order, so only what cannot be
	// derived is written: each recorded article's id, content key and signature.
	keys := make([][16]byte, len(d.ids))
	for k, i := range d.exact {
		keys[i] = k
	}
	e.int(len(d.ids))
	for i, id := range d.ids {
		e.str(id)
		e.buf = append(e.buf, keys[i][:]...)
		for _, v := range d.sigs[i*d.hashes : (i+1)*d.hashes] {
			e.buf = binary.LittleEndian.AppendUint32(e.buf, v)
		}
	}
	return e.buf, nil
}

// UnmarshalBinary replaces the clusterer's state with a snapshot written by MarshalBinary,
// options included. It fails with ErrBadSnapshot, leaving the clusterer as it was, when the
// data is not such a snapshot.
func (c *Clusterer) UnmarshalBinary(data []byte) error {
	r, err := decodeSnapshot(data)
	if err != nil {
		return fmt.Errorf("restore clusterer: %w", err)
	}
	*c = *r
	return nil
}

func decodeSnapshot(data []byte) (*Clusterer, error) {
	d := decoder{buf: data}
	if len(data) <= len(snapshotMagic) || string(data[:len(snapshotMagic)]) != snapshotMagic {
		return nil, fmt.Errorf("%w: no snapshot header", ErrBadSnapshot)
	}
	if v := data[len(snapshotMagic)]; v != snapshotVersion {
		return nil, fmt.Errorf("%w: format version %d, want %d", ErrBadSnapshot, v, snapshotVersion)
	}
	d.buf = data[len(snapshotMagic)+1:]

	threshold := d.float()
	dopts := DedupOptions{Threshold: d.float(), Shingle: d.int(), Hashes: d.int()}
	if d.err != nil || dopts.Hashes <= 0 || dopts.Hashes > 1<<12 || dopts.Shingle <= 0 {
		return nil, fmt.Errorf("%w: bad options", ErrBadSnapshot)
	}
	c := &Clusterer{
		threshold: threshold,
		dedup:     NewDedup(dopts),
		byID:      make(map[string]int32),
		byStory:   make(map[string]int32),
		tf:        make(map[int32]float64),
	}

	n := d.count()
	c.termIDs = make(map[string]int32, n)
	c.termDF = make([]int32, n)
	c.termPosts = make([][]int32, n)
	for i := range n {
		c.termIDs[d.str()] = int32(i)
		c.termDF[i] = int32(d.int())
	}
	c.bgDocs = d.int()
	c.docs = d.int()

	n = d.count()
	c.actorIDs = make(map[string]int32, n)
	c.actorWords = make([][]int32, n)
	c.actorPosts = make([][]int32, n)
	for i := range n {
		c.actorIDs[d.str()] = int32(i)
		c.actorWords[i] = d.ids(len(c.termDF))
	}

	n = d.count()
	c.articles = make([]article, n)
	for i := range c.articles {
		a := &c.articles[i]
		a.Member = d.member()
		a.headline = d.str()
		a.story = int32(d.int())
		a.text = d.vector(len(c.termDF))
		a.score = d.float()
		c.byID[a.ID] = int32(i)
	}

	n = d.count()
	c.stories = make([]cluster, n)
	c.acc = make([]float32, n)
	for i := range c.stories {
		s := &c.stories[i]
		s.id = d.str()
		s.text = d.vector(len(c.termDF))
		s.actors = d.vector(len(c.actorWords))
		s.members = d.ids(len(c.articles))
		s.dups = d.ids(len(c.articles))
		s.first = d.time()
		s.last = d.time()
		s.posted = d.vector(math.MaxInt32)
		s.related = d.ids(len(c.stories))
		c.byStory[s.id] = int32(i)
		if len(s.members) == 0 {
			d.fail("story without articles")
		}
	}
	for i := range c.articles {
		if s := c.articles[i].story; s < 0 || int(s) >= len(c.stories) {
			d.fail("article in no story")
			break
		}
	}
	for i := range c.termPosts {
		c.termPosts[i] = d.ids(len(c.stories))
	}
	for i := range c.actorPosts {
		c.actorPosts[i] = d.ids(len(c.stories))
	}

	dd := c.dedup
	n = d.count()
	for i := range n {
		dd.ids = append(dd.ids, d.str())
		key := d.bytes(16)
		sig := d.bytes(4 * dd.hashes)
		if d.err != nil {
			break
		}
		dd.exact[[16]byte(key)] = int32(i)
		for j := range dd.hashes {
			dd.sigs = append(dd.sigs, binary.LittleEndian.Uint32(sig[4*j:]))
		}
		s := dd.sigs[i*dd.hashes:]
		for band := range dd.bands {
			bk := bandKey(s[band*dd.rows : (band+1)*dd.rows])
			head, ok := dd.heads[band][bk]
			if !ok {
				head = -1
			}
			dd.next = append(dd.next, head)
			dd.heads[band][bk] = int32(i)
		}
	}
	dd.visited = make([]uint32, len(dd.ids))
	if d.err == nil && len(d.buf) > 0 {
		d.fail("trailing bytes")
	}
	if d.err != nil {
		return nil, d.err
	}
	return c, nil
}

// encoder appends the snapshot's values: integers as varints, floats by their bits, vectors and
// id lists delta-coded, which keeps sorted ids to a byte or two each.
type encoder struct{ buf []byte }

func (e *encoder) int(v int) { e.buf = binary.AppendVarint(e.buf, int64(v)) }
func (e *encoder) float(v float64) {
	e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(v))
}
func (e *encoder) float32(v float32) {
	e.buf = binary.LittleEndian.AppendUint32(e.buf, math.Float32bits(v))
}

func (e *encoder) str(s string) {
	e.int(len(s))
	e.buf = append(e.buf, s...)
}

func (e *encoder) ids(ids []int32) {
	e.int(len(ids))
	prev := int32(0)
	for _, id := range ids {
		e.int(int(id - prev))
		prev = id
	}
}

func (e *encoder) vector(v vector) {
	e.int(len(v))
	prev := int32(0)
	for _, x := range v {
		e.int(int(x.id - prev))
		prev = x.id
		e.float32(x.w)
	}
}

// time keeps the instant and the zone offset, as time.Time.MarshalBinary does.
func (e *encoder) time(t time.Time) {
	b, err := t.MarshalBinary()
	if err != nil {
		// A time MarshalBinary refuses (a zone offset that is not whole minutes) is kept in UTC.
		b, _ = t.UTC().MarshalBinary()
	}
	e.int(len(b))
	e.buf = append(e.buf, b...)
}

func (e *encoder) member(m Member) {
	e.str(m.ID)
	e.str(m.Source)
	e.str(m.URL)
	e.str(m.Outlet)
	e.str(m.Title)
	e.time(m.Published)
	e.str(m.DuplicateOf)
}

// decoder reads what encoder wrote. The first error sticks and every later read returns zero
// values, so callers check once at the end; lengths are checked against the bytes left, so a
// damaged snapshot cannot make it allocate more than its own size.
type decoder struct {
	buf []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", ErrBadSnapshot, what)
	}
	d.buf = nil
}

func (d *decoder) int() int {
	v, n := binary.Varint(d.buf)
	if n <= 0 || v > math.MaxInt32 || v < math.MinInt32 {
		d.fail("bad integer")
		return 0
	}
	d.buf = d.buf[n:]
	return int(v)
}

// count reads a length that must be non-negative and no larger than the bytes left, since each
// item takes at least one byte.
func (d *decoder) count() int {
	n := d.int()
	if n < 0 || n > len(d.buf) {
		d.fail("bad length")
		return 0
	}
	return n
}

func (d *decoder) bytes(n int) []byte {
	if n < 0 || n > len(d.buf) {
		d.fail("cut short")
		return nil
	}
	b := d.buf[:n]
	d.buf = d.buf[n:]
	return b
}

func (d *decoder) float() float64 {
	b := d.bytes(8)
	if b == nil {
		return 0
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(b))
}

func (d *decoder) float32() float32 {
	b := d.bytes(4)
	if b == nil {
		return 0
	}
	return math.Float32frombits(binary.LittleEndian.Uint32(b))
}

func (d *decoder) str() string { return string(d.bytes(d.count())) }

// ids reads an id list whose ids must lie in [0, limit).
func (d *decoder) ids(limit int) []int32 {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]int32, n)
	prev := 0
	for i := range out {
		prev += d.int()
		if prev < 0 || prev >= limit {
			d.fail("id out of range")
			return nil
		}
		out[i] = int32(prev)
	}
	return out
}

// vector reads a vector whose ids must lie in [0, limit).
func (d *decoder) vector(limit int) vector {
	n := d.count()
	if n == 0 {
		return nil
	}
	v := make(vector, n)
	prev := 0
	for i := range v {
		prev += d.int()
		if prev < 0 || prev >= limit {
			d.fail("feature out of range")
			return nil
		}
		v[i] = entry{int32(prev), d.float32()}
	}
	return v
}

func (d *decoder) time() time.Time {
	var t time.Time
	if b := d.bytes(d.count()); d.err == nil && t.UnmarshalBinary(b) != nil {
		d.fail("bad time")
	}
	return t
}

func (d *decoder) member() Member {
	return Member{ID: d.str(), Source: d.str(), URL: d.str(), Outlet: d.str(), Title: d.str(), Published: d.time(), DuplicateOf: d.str()}
}
