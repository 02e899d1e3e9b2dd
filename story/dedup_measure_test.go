package story_test

import (
	"encoding/json"
	"fmt"
	"github.com/dossier-news/dossier/internal/shared"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/story"
)

// groundTruth reads the true article texts of the extraction benchmark, ordered by key.
func groundTruth(t testing.TB) (keys, texts []string) {
	t.Helper()
	path := filepath.Join(shared.Dir(t, "bench", "extraction"), "ground-truth.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read ground truth: %v", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(data, &gt); err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	keys = slices.Sorted(func(yield func(string) bool) {
		for k := range gt {
			if !yield(k) {
				return
			}
		}
	})
	for _, k := range keys {
		texts = append(texts, gt[k].ArticleBody)
	}
	return keys, texts
}

// editor makes edited copies of articles, reproducibly.
type editor struct {
	rng   *rand.Rand
	vocab []string // replacement words for rewording, taken from all the articles
}

func newEditor(texts []string) *editor {
	seen := map[string]bool{}
	var vocab []string
	for _, t := range texts {
		for _, w := range strings.Fields(t) {
			w = strings.ToLower(strings.Trim(w, ".,;:!?\"'“”‘’()"))
			if len(w) > 3 && !seen[w] {
				seen[w] = true
				vocab = append(vocab, w)
			}
		}
	}
	slices.Sort(vocab)
	return &editor{rng: rand.New(rand.NewPCG(7, 11)), vocab: vocab}
}

func paragraphs(text string) []string {
	var ps []string
	for _, p := range strings.Split(text, "\n") {
		if strings.TrimSpace(p) != "" {
			ps = append(ps, p)
		}
	}
	return ps
}

// dropParagraph removes one paragraph, or one sentence when there are fewer than three.
func (e *editor) dropParagraph(text string) string {
	ps := paragraphs(text)
	if len(ps) >= 3 {
		i := e.rng.IntN(len(ps))
		return strings.Join(slices.Delete(ps, i, i+1), "\n\n")
	}
	ss := strings.SplitAfter(text, ". ")
	if len(ss) < 2 {
		return text
	}
	i := e.rng.IntN(len(ss))
	return strings.Join(slices.Delete(ss, i, i+1), "")
}

// reword replaces a share of the words with other words.
func (e *editor) reword(text string, share float64) string {
	ws := strings.Split(text, " ")
	n := max(1, int(float64(len(ws))*share))
	for _, i := range e.rng.Perm(len(ws))[:n] {
		ws[i] = e.vocab[e.rng.IntN(len(e.vocab))]
	}
	return strings.Join(ws, " ")
}

var (
	headers = []string{
		"By the Harbour Ledger wire desk",
		"This story first appeared on Coastline Daily and is republished with permission.",
		"UPDATED 14:05",
	}
	footers = []string{
		"Copyright the Harbour Ledger. All rights reserved. Sign up for our morning newsletter.",
		"Reporting by the wire desk; editing by the night team.",
		"Have a tip? Write to the newsroom.",
	}
)

// frame adds a header line and a footer line.
func (e *editor) frame(text string) string {
	return headers[e.rng.IntN(len(headers))] + "\n\n" + text + "\n\n" + footers[e.rng.IntN(len(footers))]
}

// retype swaps straight and curly quote marks and doubles the spacing between paragraphs.
func retype(text string) string {
	return strings.NewReplacer(
		"\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'",
		`"`, "\u201d", "'", "\u2019",
		"\n", "\n\n",
	).Replace(text)
}

// rewrite makes a heavy rewrite: a third of the paragraphs dropped, the rest shuffled, a quarter
// of the words replaced.
func (e *editor) rewrite(text string) string {
	ps := paragraphs(text)
	for range len(ps) / 3 {
		i := e.rng.IntN(len(ps))
		ps = slices.Delete(ps, i, i+1)
	}
	e.rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
	return e.reword(strings.Join(ps, "\n\n"), 0.25)
}

// TestDedupGroundTruth measures, on the true texts of real articles, recall on edited copies and
// the false-positive rate over all pairs of different articles, with the default options.
func TestDedupGroundTruth(t *testing.T) {
	keys, texts := groundTruth(t)
	e := newEditor(texts)
	// floor is the lowest share of copies that must be flagged as copies of their original, set
	// slightly under what the default options reach (logged); -1 only logs. The heavy rewrite
	// has a ceiling instead: a threshold that lets a quarter of the words change plus dropped
	// and shuffled paragraphs through would be too lax.
	kinds := []struct {
		name  string
		light bool
		floor float64
		edit  func(string) string
	}{
		{"drop-paragraph", true, 0.92, e.dropParagraph},
		{"reword-5pct", true, 0.93, func(s string) string { return e.reword(s, 0.05) }},
		{"header-footer", true, 0.95, e.frame},
		{"quote-marks", true, 1, retype},
		{"all-four-light-edits", false, 0.45, func(s string) string { return retype(e.frame(e.reword(e.dropParagraph(s), 0.05))) }},
		{"heavy-rewrite", false, -1, e.rewrite},
	}
	var lightHit, lightN int
	for _, kind := range kinds {
		// A fresh index of the originals per kind, so that a copy can only match its original
		// or a wrong article, never another copy of its original.
		d := story.NewDedup(story.DedupOptions{})
		for i, text := range texts {
			if exact, near := d.Add(keys[i], text); exact != "" || near.ID != "" {
				t.Errorf("original %s flagged as a copy of %q / %+v", keys[i], exact, near)
			}
		}
		hit, wrong := 0, 0
		for i, text := range texts {
			exact, near := d.Add("copy-"+keys[i], kind.edit(text))
			switch {
			case exact == keys[i] || near.ID == keys[i]:
				hit++
			case exact != "" || near.ID != "":
				wrong++
			}
		}
		share := float64(hit) / float64(len(texts))
		t.Logf("%-20s flagged %.3f (%d/%d), matched to another article %d", kind.name, share, hit, len(texts), wrong)
		if wrong > 0 {
			t.Errorf("%s: %d copies matched to an article they do not copy", kind.name, wrong)
		}
		switch {
		case kind.name == "heavy-rewrite" && share > 0.05:
			t.Errorf("%s: %.3f of heavy rewrites flagged, want at most 0.05", kind.name, share)
		case kind.floor >= 0 && share < kind.floor:
			t.Errorf("%s: recall %.3f, want at least %.2f", kind.name, share, kind.floor)
		}
		if kind.light {
			lightHit += hit
			lightN += len(texts)
		}
	}
	recall := float64(lightHit) / float64(lightN)
	t.Logf("recall on single light edits %.3f (%d/%d)", recall, lightHit, lightN)
	if recall < 0.95 {
		t.Errorf("recall on single light edits %.3f, want at least 0.95", recall)
	}

	// Every pair of different articles on its own, so that a pair is counted even when one of
	// the two has a closer match elsewhere.
	pairs, flagged := 0, 0
	for i := range texts {
		for j := i + 1; j < len(texts); j++ {
			d := story.NewDedup(story.DedupOptions{})
			d.Add(keys[i], texts[i])
			exact, near := d.Add(keys[j], texts[j])
			pairs++
			if exact != "" || near.ID != "" {
				flagged++
				t.Logf("different articles flagged: %s and %s, similarity %.3f", keys[i], keys[j], near.Similarity)
			}
		}
	}
	t.Logf("false positives: %d of %d pairs of different articles (rate %.5f)", flagged, pairs, float64(flagged)/float64(pairs))
	if flagged > 2 {
		t.Errorf("%d of %d pairs of different articles flagged, want at most 2", flagged, pairs)
	}
}

// TestDedupSameStory checks that different articles on one developing story, from different
// outlets, are not taken for copies of each other.
func TestDedupSameStory(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(shared.Dir(t, "seeds"), "*.txt"))
	if err != nil || len(paths) < 2 {
		t.Skipf("seed articles not found (%v)", err)
	}
	texts := make([]string, len(paths))
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("read seed: %v", err)
		}
		texts[i] = string(b)
	}
	for i := range texts {
		for j := i + 1; j < len(texts); j++ {
			d := story.NewDedup(story.DedupOptions{})
			d.Add(paths[i], texts[i])
			if exact, near := d.Add(paths[j], texts[j]); exact != "" || near.ID != "" {
				t.Errorf("%s flagged as a copy of %s: %q %+v", filepath.Base(paths[j]), filepath.Base(paths[i]), exact, near)
			}
		}
	}
}

// BenchmarkDedupAdd adds the real articles to a fresh Dedup, one by one.
func BenchmarkDedupAdd(b *testing.B) {
	keys, texts := groundTruth(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		d := story.NewDedup(story.DedupOptions{})
		for i, t := range texts {
			d.Add(keys[i], t)
		}
	}
	b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkDedupAddLargeIndex adds articles to a Dedup that already holds 50,000: the cost per
// article should stay that of an empty index, since only bucket mates are compared.
func BenchmarkDedupAddLargeIndex(b *testing.B) {
	keys, texts := groundTruth(b)
	e := newEditor(texts)
	d := story.NewDedup(story.DedupOptions{})
	zipf := rand.NewZipf(e.rng, 1.1, 1, uint64(len(e.vocab)-1))
	words := make([]string, 600)
	for i := range 50_000 {
		// Unrelated filler drawn from the articles' vocabulary with a Zipf law, as in real text.
		for j := range words {
			words[j] = e.vocab[zipf.Uint64()]
		}
		d.Add(fmt.Sprintf("filler-%d", i), strings.Join(words, " "))
	}
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	round := 0
	for b.Loop() {
		round++
		for i, t := range texts {
			// A distinct prefix per round keeps every text new (not an exact duplicate).
			d.Add(keys[i], fmt.Sprintf("round %d %s", round, t))
		}
	}
	b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "articles/s")
}
