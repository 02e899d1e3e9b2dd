package sqlite

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/klauspost/compress/zstd"

	"github.com/dossier-news/dossier/analyze"
)

// encodeRecord returns the analysis of r as the articles table keeps it: JSON compressed with
// zstd, without what the row holds in columns (id, source, URL, outlet, title, hash) and without
// the text or any copy of it (the text of a quote, of an evidence span or of a time expression
// is its span of the text, restored by decodeRecord). A record's JSON is mostly such copies.
//
// The text is also the compressor's dictionary: what the analysis quotes from the text
// without a span (an event's summary, trigger and place, a cue, a phrase, a name) is then a
// reference back into it rather than words compressed again. Records stored before this
// carry no dictionary ID in their frame and decode as they did.
func (db *DB) encodeRecord(r *analyze.Record) ([]byte, error) {
	c := *r
	c.ID, c.Source, c.URL, c.Outlet, c.Title, c.Hash, c.Text = "", "", "", "", "", "", ""
	text := r.Text
	c.Quotes = slices.Clone(r.Quotes)
	for i := range c.Quotes {
		q := &c.Quotes[i]
		q.Text = strip(text, q.Text, q.Start, q.End)
		q.Evidence.Text = strip(text, q.Evidence.Text, q.Evidence.Start, q.Evidence.End)
	}
	c.Positions = slices.Clone(r.Positions)
	for i := range c.Positions {
		e := &c.Positions[i].Evidence
		e.Text = strip(text, e.Text, e.Start, e.End)
	}
	c.Events = slices.Clone(r.Events)
	for i := range c.Events {
		e := &c.Events[i].Evidence
		e.Text = strip(text, e.Text, e.Start, e.End)
	}
	c.Times = slices.Clone(r.Times)
	for i := range c.Times {
		t := &c.Times[i]
		t.Text = strip(text, t.Text, t.Start, t.End)
	}
	b, err := json.Marshal(&c)
	if err != nil {
		return nil, fmt.Errorf("encode record %s: %w", r.ID, err)
	}
	enc, err := db.recEncoder(text)
	if err != nil {
		return nil, fmt.Errorf("encode record %s: %w", r.ID, err)
	}
	defer db.recEnc.Put(enc)
	return enc.EncodeAll(b, nil), nil
}

// textDict is the ID under which a record's frame names its text as the dictionary.
const textDict = 1

// recEncoder returns a pooled encoder whose dictionary is text; Put it back after use.
func (db *DB) recEncoder(text string) (*zstd.Encoder, error) {
	switch v := db.recEnc.Get().(type) {
	case error:
		return nil, v
	case *zstd.Encoder:
		if err := v.ResetWithOptions(nil, zstd.WithEncoderDictRaw(textDict, []byte(text))); err != nil {
			return nil, err
		}
		return v, nil
	default:
		return nil, fmt.Errorf("record encoder pool holds %T", v)
	}
}

// decompressRecord decompresses a stored analysis with its text as the dictionary.
func (db *DB) decompressRecord(data []byte, text string) ([]byte, error) {
	var dec *zstd.Decoder
	switch v := db.recDec.Get().(type) {
	case error:
		return nil, v
	case *zstd.Decoder:
		dec = v
	default:
		return nil, fmt.Errorf("record decoder pool holds %T", v)
	}
	defer db.recDec.Put(dec)
	if err := dec.ResetWithOptions(nil, zstd.WithDecoderDictRaw(textDict, []byte(text))); err != nil {
		return nil, err
	}
	return dec.DecodeAll(data, nil)
}

// strip returns "" when s is text[start:end], to be restored from the span, and s otherwise.
func strip(text, s string, start, end int) string {
	if 0 <= start && start < end && end <= len(text) && text[start:end] == s {
		return ""
	}
	return s
}

// fill is strip's inverse.
func fill(text string, s *string, start, end int) {
	if *s == "" && 0 <= start && start < end && end <= len(text) {
		*s = text[start:end]
	}
}

// decodeRecord rebuilds a record from its row: the compressed analysis, the text and the
// columns encodeRecord left out.
func (db *DB) decodeRecord(data []byte, text string, cols recordColumns) (*analyze.Record, error) {
	b, err := db.decompressRecord(data, text)
	if err != nil {
		return nil, fmt.Errorf("decompress record %s: %w", cols.id, err)
	}
	r := &analyze.Record{}
	if err := json.Unmarshal(b, r); err != nil {
		return nil, fmt.Errorf("decode record %s: %w", cols.id, err)
	}
	r.ID, r.Source, r.URL, r.Outlet, r.Title, r.Hash, r.Text = cols.id, cols.source, cols.url, cols.outlet, cols.title, cols.hash, text
	for i := range r.Quotes {
		q := &r.Quotes[i]
		fill(text, &q.Text, q.Start, q.End)
		fill(text, &q.Evidence.Text, q.Evidence.Start, q.Evidence.End)
	}
	for i := range r.Positions {
		e := &r.Positions[i].Evidence
		fill(text, &e.Text, e.Start, e.End)
	}
	for i := range r.Events {
		e := &r.Events[i].Evidence
		fill(text, &e.Text, e.Start, e.End)
	}
	for i := range r.Times {
		t := &r.Times[i]
		fill(text, &t.Text, t.Start, t.End)
	}
	return r, nil
}

// recordColumns are the parts of a record the articles table keeps in columns.
type recordColumns struct {
	id, source, url, outlet, title, hash string
}

// decodeText decompresses a stored text.
func (db *DB) decodeText(body []byte) (string, error) {
	b, err := db.dec.DecodeAll(body, nil)
	if err != nil {
		return "", fmt.Errorf("decompress text: %w", err)
	}
	return string(b), nil
}

// decodeQuotes reads only the quotes of a stored analysis, which is quicker than the record
// when a listing needs one quote of each of many articles.
func (db *DB) decodeQuotes(data []byte, text string) ([]analyze.Quote, error) {
	b, err := db.decompressRecord(data, text)
	if err != nil {
		return nil, fmt.Errorf("decompress record: %w", err)
	}
	var r struct {
		Quotes []analyze.Quote `json:"quotes"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("decode quotes: %w", err)
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		fill(text, &q.Text, q.Start, q.End)
		fill(text, &q.Evidence.Text, q.Evidence.Start, q.Evidence.End)
	}
	return r.Quotes, nil
}
