package story

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestNormalise(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{name: "case-and-punctuation", text: "Talks RESUMED, on Tuesday!", want: "talks resumed on tuesday"},
		{name: "quote-marks-and-spacing", text: "“We agreed,”\n\n  he said.  \"We agreed,\" he said.", want: "we agreed he said we agreed he said"},
		{name: "apostrophes-inside-words", text: "Velmar's, Velmar’s and Velmarʼs don't differ", want: "velmars velmars and velmars dont differ"},
		{name: "opening-single-quote-is-not-a-letter", text: "'partial' and ‘partial’", want: "partial and partial"},
		{name: "hyphen-and-dash-split", text: "dry-season flow—guaranteed", want: "dry season flow guaranteed"},
		{name: "accents-kept-and-lowered", text: "Ördög Straße ÉTÉ", want: "ördög straße été"},
		{name: "combining-mark-stays-in-word", text: "cafe\u0301 open", want: "cafe\u0301 open"},
		{name: "han-one-word-per-character", text: "水坝谈判 resumed", want: "水 坝 谈 判 resumed"},
		{name: "han-radical-symbol-is-not-a-word", text: "dam ⻀ talks", want: "dam talks"},
		{name: "digits-are-words", text: "1,200 cubic metres", want: "1 200 cubic metres"},
		{name: "no-words", text: "* * * — “ ”", want: ""},
		{name: "invalid-utf8-separates", text: "dam\xfftalks", want: "dam talks"},
	}
	d := NewDedup(DedupOptions{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d.normalise(tt.text)
			if got := string(d.norm); got != tt.want {
				t.Errorf("normalise(%q) = %q, want %q", tt.text, got, tt.want)
			}
			if got, want := len(d.words), len(strings.Fields(tt.want)); got != want {
				t.Errorf("normalise(%q) gave %d word hashes, want %d", tt.text, got, want)
			}
		})
	}
}

// FuzzNormalise checks that the normalised text is valid UTF-8 without upper case, punctuation
// or runs of spaces, has one hash per word, and does not change when normalised again.
func FuzzNormalise(f *testing.F) {
	f.Add("“We agreed,” he said. Velmar’s QUOTA—1,200 m³/s")
	f.Add("水坝谈判 Ördög cafe\u0301 \xff dam")
	f.Add("'' ’’ a'b 'c d'")
	f.Fuzz(func(t *testing.T, text string) {
		d := NewDedup(DedupOptions{})
		d.normalise(text)
		norm := string(d.norm)
		if !utf8.ValidString(norm) {
			t.Fatalf("normalise(%q) = %q: invalid UTF-8", text, norm)
		}
		if strings.Contains(norm, "  ") || strings.HasPrefix(norm, " ") || strings.HasSuffix(norm, " ") {
			t.Fatalf("normalise(%q) = %q: stray spaces", text, norm)
		}
		for _, r := range norm {
			if r != ' ' && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mc, r) {
				t.Fatalf("normalise(%q) = %q: kept %q", text, norm, r)
			}
		}
		if got, want := len(d.words), len(strings.Fields(norm)); got != want {
			t.Fatalf("normalise(%q): %d word hashes for %d words", text, got, want)
		}
		words := append([]uint64(nil), d.words...)
		d.normalise(norm)
		if string(d.norm) != norm || fmt.Sprint(d.words) != fmt.Sprint(words) {
			t.Fatalf("normalise is not idempotent on %q: %q then %q", text, norm, d.norm)
		}
	})
}

// TestSimilarityEstimate compares the signature estimate with the exact Jaccard similarity of
// the shingle sets, over pairs of synthetic texts whose overlap ranges from none to all.
func TestSimilarityEstimate(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	word := func() string { return fmt.Sprintf("w%d", rng.IntN(20000)) }
	for _, hashes := range []int{64, DefaultHashes, 256} {
		t.Run(fmt.Sprintf("hashes-%d", hashes), func(t *testing.T) {
			d := NewDedup(DedupOptions{Hashes: hashes})
			var sumErr, sumBias, worst float64
			const pairs = 400
			for i := range pairs {
				a := make([]string, 300+rng.IntN(500))
				for j := range a {
					a[j] = word()
				}
				b := append([]string(nil), a...)
				share := float64(i) / pairs // replace a growing share of the words
				for j := range b {
					if rng.Float64() < share {
						b[j] = word()
					}
				}
				setA, sigA := shingleSet(d, strings.Join(a, " "))
				setB, sigB := shingleSet(d, strings.Join(b, " "))
				inter := 0
				for x := range setA {
					if setB[x] {
						inter++
					}
				}
				exact := float64(inter) / float64(len(setA)+len(setB)-inter)
				diff := similarity(sigA, sigB) - exact
				sumErr += math.Abs(diff)
				sumBias += diff
				worst = max(worst, math.Abs(diff))
			}
			mae, bias := sumErr/pairs, sumBias/pairs
			// An unbiased estimate with variance J(1-J)/k has mean absolute error
			// sqrt(2/π)·sqrt(J(1-J)/k); averaged over J uniform in [0, 1] that is sqrt(2π)/8/sqrt(k).
			theory := math.Sqrt(2*math.Pi) / 8 / math.Sqrt(float64(hashes))
			t.Logf("hashes %d: mean absolute error %.4f (theory %.4f), bias %+.4f, worst %.3f", hashes, mae, theory, bias, worst)
			if mae > 1.2*theory {
				t.Errorf("mean absolute error %.4f, want at most %.4f", mae, 1.2*theory)
			}
			if math.Abs(bias) > 0.4*theory {
				t.Errorf("bias %+.4f, want within ±%.4f", bias, 0.4*theory)
			}
		})
	}
}

// shingleSet returns the set of shingle hashes of text and a copy of its signature, in the
// 32-bit form that Add stores.
func shingleSet(d *Dedup, text string) (map[uint64]bool, []uint32) {
	d.normalise(text)
	d.signature()
	set := make(map[uint64]bool, len(d.shingles))
	for _, x := range d.shingles {
		set[x] = true
	}
	sig := make([]uint32, len(d.sig))
	for i, v := range d.sig {
		sig[i] = uint32(v >> 32)
	}
	return set, sig
}

func TestBandShape(t *testing.T) {
	candidate := func(s float64, rows, bands int) float64 {
		return 1 - math.Pow(1-math.Pow(s, float64(rows)), float64(bands))
	}
	for _, hashes := range []int{1, 16, 128, 256} {
		for _, threshold := range []float64{0.05, 0.5, 0.8, 0.9, 1} {
			t.Run(fmt.Sprintf("hashes-%d/threshold-%.2f", hashes, threshold), func(t *testing.T) {
				rows, bands := bandShape(hashes, threshold)
				if rows < 1 || bands < 1 || rows*bands > hashes {
					t.Fatalf("bandShape(%d, %.2f) = %d rows × %d bands: does not fit the signature", hashes, threshold, rows, bands)
				}
				if rows == 1 {
					return // the loosest banding: every shared value makes a candidate
				}
				s := threshold - 0.1
				if p := candidate(s, rows, bands); p < 0.99 {
					t.Errorf("bandShape(%d, %.2f) = %d×%d: a pair at %.2f is a candidate with p=%.3f, want ≥ 0.99", hashes, threshold, rows, bands, s, p)
				}
				if p := candidate(s, rows+1, hashes/(rows+1)); rows < hashes && p >= 0.99 {
					t.Errorf("bandShape(%d, %.2f) = %d rows, but %d rows would do (p=%.3f)", hashes, threshold, rows, rows+1, p)
				}
			})
		}
	}
}
