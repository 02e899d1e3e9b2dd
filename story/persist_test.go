package story_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/dossier-news/dossier/story"
)

// synthArticles returns n synthetic articles in which every seventh repeats an earlier text
// under a new ID (an exact copy) and every eleventh repeats one with a word changed (a near
// copy), so that snapshots carry the near-duplicate index too.
func synthArticles(seed uint64, n int) []story.Article {
	s := newSynth(seed)
	var out []story.Article
	for i := range n {
		a := s.article()
		switch {
		case i > 0 && i%7 == 0:
			a.Text = out[i/2].Text
		case i > 0 && i%11 == 0:
			a.Text = out[i/3].Text + " epilogue"
		}
		out = append(out, a)
	}
	return out
}

func TestClustererSnapshot(t *testing.T) {
	tests := []struct {
		name          string
		before, after int
		opts          story.Options
	}{
		{"empty", 0, 50, story.Options{}},
		{"one", 1, 50, story.Options{}},
		{"hundreds", 400, 200, story.Options{}},
		{"options kept", 200, 100, story.Options{Threshold: 0.4, Dedup: story.DedupOptions{Shingle: 2, Hashes: 64, Threshold: 0.7}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := synthArticles(7, tt.before+tt.after)
			live, err := story.NewClusterer(tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range arts[:tt.before] {
				if _, err := live.Add(a); err != nil {
					t.Fatal(err)
				}
			}
			data, err := live.MarshalBinary()
			if err != nil {
				t.Fatalf("MarshalBinary: %v", err)
			}
			// The restored clusterer starts from other options: the snapshot's must win.
			restored, err := story.NewClusterer(story.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := restored.UnmarshalBinary(data); err != nil {
				t.Fatalf("UnmarshalBinary: %v", err)
			}
			again, err := restored.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, again) {
				t.Fatalf("snapshot of the restored clusterer differs: %d bytes, want %d", len(again), len(data))
			}
			for i, a := range arts[tt.before:] {
				want, err := live.Add(a)
				if err != nil {
					t.Fatal(err)
				}
				got, err := restored.Add(a)
				if err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Fatalf("article %d after restore: Add = %+v, want %+v", i, got, want)
				}
			}
			if got, want := fmt.Sprint(restored.Stories()), fmt.Sprint(live.Stories()); got != want {
				t.Errorf("stories after restore and more articles differ:\ngot  %.300s\nwant %.300s", got, want)
			}
			if restored.Len() == 0 {
				t.Error("no stories")
			}
		})
	}
}

func TestClustererSnapshotBad(t *testing.T) {
	c, err := story.NewClusterer(story.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range synthArticles(3, 40) {
		if _, err := c.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	good, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	flip := func(i int) []byte {
		b := bytes.Clone(good)
		b[i] ^= 0xff
		return b
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not a snapshot", []byte("hello, world")},
		{"header only", good[:len("dossier-clusterer")+1]},
		{"newer version", flip(len("dossier-clusterer"))},
		{"cut in half", good[:len(good)/2]},
		{"last byte missing", good[:len(good)-1]},
		{"trailing byte", append(bytes.Clone(good), 0)},
		{"options damaged", flip(len("dossier-clusterer") + 20)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := story.NewClusterer(story.Options{})
			if err != nil {
				t.Fatal(err)
			}
			err = r.UnmarshalBinary(tt.data)
			if !errors.Is(err, story.ErrBadSnapshot) {
				t.Fatalf("UnmarshalBinary = %v, want ErrBadSnapshot", err)
			}
			if r.Len() != 0 {
				t.Errorf("a failed restore left %d stories, want the clusterer untouched", r.Len())
			}
		})
	}
}

// FuzzClustererUnmarshal checks that no input makes UnmarshalBinary panic or allocate beyond
// reason, and that whatever it accepts can be used and written back.
func FuzzClustererUnmarshal(f *testing.F) {
	c, err := story.NewClusterer(story.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("dossier-clusterer\x01"))
	arts := synthArticles(5, 12)
	for _, a := range arts[:6] {
		if _, err := c.Add(a); err != nil {
			f.Fatal(err)
		}
	}
	// Seeds from an empty-vocabulary snapshot would be huge; small real ones suffice, since the
	// fuzzer mutates lengths and ids where the checks matter.
	data, err := c.MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := story.NewClusterer(story.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.UnmarshalBinary(data); err != nil {
			if !errors.Is(err, story.ErrBadSnapshot) {
				t.Fatalf("error %v is not ErrBadSnapshot", err)
			}
			return
		}
		for _, a := range arts[6:] {
			if _, err := r.Add(a); err != nil {
				t.Fatal(err)
			}
		}
		r.Stories()
		if _, err := r.MarshalBinary(); err != nil {
			t.Fatal(err)
		}
	})
}

// BenchmarkClustererSnapshot times writing and restoring the state of 10,000 clustered
// articles; MB/s is over the snapshot's size.
func BenchmarkClustererSnapshot(b *testing.B) {
	c, err := story.NewClusterer(story.Options{})
	if err != nil {
		b.Fatal(err)
	}
	s := newSynth(1)
	for range 10_000 {
		if _, err := c.Add(s.article()); err != nil {
			b.Fatal(err)
		}
	}
	data, err := c.MarshalBinary()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(data))/10_000, "bytes/article")
	b.Run("marshal", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := c.MarshalBinary(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("unmarshal", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			r, _ := story.NewClusterer(story.Options{})
			if err := r.UnmarshalBinary(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}
