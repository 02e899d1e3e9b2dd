package sqlite

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/analyze"
)

// TestRecordDictionary checks the record's compression: with its text as the dictionary, a
// record whose analysis repeats the text's words without spans is smaller than without, and
// a record stored before records had a dictionary still decodes.
func TestRecordDictionary(t *testing.T) {
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "rec.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	text := strings.Repeat("The harbour board of Lowmere voted on Thursday to delay the ferry levy until the auditors report. ", 3) +
		"Chair Ines Varga said the delay would cost the town nothing."
	r := &analyze.Record{ID: "r1", Text: text, Lang: "en"}
	for i := range 12 {
		start := (i * 37) % 200
		r.Events = append(r.Events, analyze.Event{
			Type:    "meeting",
			Summary: text[start : start+60], // quoted from the text, without a span
			Trigger: "voted",
			When:    analyze.When{Text: "on Thursday"},
		})
	}
	cols := recordColumns{id: r.ID}

	withDict, err := db.encodeRecord(r)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	without := db.enc.EncodeAll(plain, nil)
	if len(withDict) >= len(without) {
		t.Errorf("with the text as dictionary %d bytes, without %d: the dictionary saved nothing", len(withDict), len(without))
	}

	for name, data := range map[string][]byte{"text as dictionary": withDict, "stored before dictionaries": without} {
		t.Run(name, func(t *testing.T) {
			got, err := db.decodeRecord(data, text, cols)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Events, r.Events) || got.Text != text || got.ID != r.ID {
				t.Errorf("decoded record differs:\n got %+v\nwant %+v", got.Events, r.Events)
			}
		})
	}
	t.Run("wrong text", func(t *testing.T) {
		if got, err := db.decodeRecord(withDict, strings.ToUpper(text), cols); err == nil && reflect.DeepEqual(got.Events, r.Events) {
			t.Error("a record decoded against another text came out whole")
		}
	})
}

// BenchmarkDecodeQuotes measures what a quote search pays per article it reads: decompressing
// the analysis against its text and decoding its quotes.
func BenchmarkDecodeQuotes(b *testing.B) {
	db, err := Open(context.Background(), filepath.Join(b.TempDir(), "rec.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	text := strings.Repeat("Chair Ines Varga said the board of Lowmere would \"wait for the auditors\" before any levy. ", 30)
	r := &analyze.Record{ID: "r1", Text: text}
	for i := range 30 {
		start := i * 90
		r.Quotes = append(r.Quotes, analyze.Quote{Text: "wait for the auditors", Start: start + 50, End: start + 71, Kind: "partial", Cue: "said"})
	}
	data, err := db.encodeRecord(r)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := db.decodeQuotes(data, text); err != nil {
			b.Fatal(err)
		}
	}
}
