package story_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/story"
)

// synth makes varied synthetic articles: invented words drawn from a Zipf-distributed vocabulary
// (as words are in real text), each article about one of many topics whose own words and actors
// it repeats, dated near its topic's start. About five articles share a topic, so the clusterer
// holds stories of all sizes, most of them small.
type synth struct {
	rng    *rand.Rand
	zipf   *rand.Zipf
	vocab  []string
	topics []topic
	n      int
}

type topic struct {
	words  []string
	actors []story.Actor
	start  time.Time
}

func newSynth(seed uint64) *synth {
	rng := rand.New(rand.NewPCG(seed, 99))
	const syllables = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu"
	syl := strings.Fields(syllables)
	seen := map[string]bool{}
	var vocab []string
	for len(vocab) < 50000 {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syl[rng.IntN(len(syl))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	return &synth{rng: rng, zipf: rand.NewZipf(rng, 1.1, 1, uint64(len(vocab)-1)), vocab: vocab}
}

func (s *synth) newTopic() topic {
	tp := topic{start: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(s.rng.IntN(3*365*24)) * time.Hour)}
	for range 15 {
		tp.words = append(tp.words, s.vocab[1000+s.rng.IntN(len(s.vocab)-1000)])
	}
	for i, typ := range []string{"person", "person", "person", "organization", "location"} {
		name := strings.ToUpper(tp.words[i][:1]) + tp.words[i][1:] + " " + strings.ToUpper(tp.words[i+5][:1]) + tp.words[i+5][1:]
		tp.actors = append(tp.actors, story.Actor{ID: typ + ":" + strings.ToLower(strings.ReplaceAll(name, " ", "-")), Name: name, Type: typ})
	}
	return tp
}

// article returns the next article: on a new topic one time in five, else on a random old one.
func (s *synth) article() story.Article {
	if len(s.topics) == 0 || s.rng.IntN(5) == 0 {
		s.topics = append(s.topics, s.newTopic())
	}
	tp := s.topics[s.rng.IntN(len(s.topics))]
	s.n++
	var title, text strings.Builder
	for i := range 6 {
		if i%2 == 0 {
			title.WriteString(tp.words[s.rng.IntN(len(tp.words))])
		} else {
			title.WriteString(s.vocab[s.zipf.Uint64()])
		}
		title.WriteByte(' ')
	}
	for i := range 200 {
		if s.rng.IntN(4) == 0 {
			text.WriteString(tp.words[s.rng.IntN(len(tp.words))])
		} else {
			text.WriteString(s.vocab[s.zipf.Uint64()])
		}
		if i%20 == 19 {
			text.WriteString(".\n\n")
		} else {
			text.WriteByte(' ')
		}
	}
	a := story.Article{
		ID:        fmt.Sprintf("a%d", s.n),
		Source:    fmt.Sprintf("synth/%d.txt", s.n),
		Title:     title.String(),
		Text:      text.String(),
		Published: tp.start.Add(time.Duration(s.rng.IntN(30*24)) * time.Hour),
	}
	for _, ac := range tp.actors {
		if s.rng.IntN(4) > 0 {
			ac.Mentions = 1 + s.rng.IntN(4)
			a.Actors = append(a.Actors, ac)
		}
	}
	return a
}

// BenchmarkClustererAdd times Add with 10,000 and 100,000 articles already clustered.
func BenchmarkClustererAdd(b *testing.B) {
	for _, before := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("clustered=%dk", before/1000), func(b *testing.B) {
			if testing.Short() && before > 10_000 {
				b.Skip("fills a clusterer with 100,000 articles")
			}
			c, err := story.NewClusterer(story.Options{})
			if err != nil {
				b.Fatal(err)
			}
			s := newSynth(1)
			for range before {
				if _, err := c.Add(s.article()); err != nil {
					b.Fatal(err)
				}
			}
			// Articles are made ahead in batches, outside the timer, so only Add is timed.
			var batch []story.Article
			var size int64
			for range 1000 {
				batch = append(batch, s.article())
				size += int64(len(batch[len(batch)-1].Text))
			}
			b.SetBytes(size / int64(len(batch)))
			added := 0
			for b.Loop() {
				if len(batch) == 0 {
					b.StopTimer()
					for range 1000 {
						batch = append(batch, s.article())
					}
					b.StartTimer()
				}
				if _, err := c.Add(batch[0]); err != nil {
					b.Fatal(err)
				}
				batch = batch[1:]
				added++
			}
			b.ReportMetric(float64(added)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(c.Len()), "stories")
		})
	}
}
