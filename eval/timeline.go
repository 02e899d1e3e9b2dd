package eval

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"unicode"
)

// GoldTimelineEvent is one event of a gold timeline in the format of seeds/gold/timeline.json,
// an ordered list: a description of the event, one of its time, and the file names of the
// documents that report it.
type GoldTimelineEvent struct {
	Event string   `json:"event"`
	When  string   `json:"when"`
	Docs  []string `json:"docs"`
}

// ReadGoldTimeline reads a gold timeline: a JSON array of events, earliest first.
func ReadGoldTimeline(path string) ([]GoldTimelineEvent, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read timeline gold file: %w", err)
	}
	var out []GoldTimelineEvent
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	return out, nil
}

// TimelineEvent is an event of a timeline as scoring reads it (package event's Merged, reduced:
// eval cannot import the analysers, which import it for their own measures).
type TimelineEvent struct {
	// Order is the event's position on the timeline.
	Order int
	// Docs names the documents that report it: file names or article ids.
	Docs []string
	// Text is everything the event says about itself: the summaries of its sources, its
	// actors' names, its type, place and time as written.
	Text string
}

// TimelineMatch is a gold event with the timeline event matched to it.
type TimelineMatch struct {
	Gold GoldTimelineEvent
	// Event is the index of the matched event in the timeline, or -1.
	Event int
	// Shared lists the word stems the gold description and the event have in common.
	Shared []string
}

// TimelineScore is the outcome of ScoreTimeline.
type TimelineScore struct {
	Events, Matched int
	// Pairs counts the pairs of gold events (n(n-1)/2); Respected those whose two events are
	// both matched and come in the gold order on the timeline. A pair with an unmatched event is
	// not respected.
	Pairs, Respected int
	Matches          []TimelineMatch
}

// PairShare is the share of gold pairs the timeline respects (0 without pairs).
func (s TimelineScore) PairShare() float64 { return ratio(s.Respected, s.Pairs) }

// AllRespected reports whether the timeline respects every gold pair.
func (s TimelineScore) AllRespected() bool { return s.Respected == s.Pairs }

// minShared is how many word stems a gold description and an event must share to match.
const minShared = 2

// ScoreTimeline matches gold events to the events of a timeline and counts the gold pairs whose
// order the timeline keeps.
//
// A gold event and a timeline event match when one of the event's documents is one of the gold
// event's (by file name or id) and the gold description shares at least two word stems with the
// event's Text. Stems are the first four letters of lower-cased words of three
// letters or more, stop words left out ("negotiations" and "negotiate" agree, as do "meets" and
// "meeting"). Matching is one to one, most shared stems first.
func ScoreTimeline(gold []GoldTimelineEvent, timeline []TimelineEvent) TimelineScore {
	type cand struct {
		g, e, docs int
		weight     float64
	}
	ev := make([]map[string]bool, len(timeline))
	df := make(map[string]int)
	for i, e := range timeline {
		ev[i] = stems(e.Text)
		for w := range ev[i] {
			df[w]++
		}
	}
	var cands []cand
	shared := make(map[[2]int][]string)
	for gi, g := range gold {
		gw := stems(g.Event)
		for ei, e := range timeline {
			docs := 0
			for _, d := range e.Docs {
				if slices.Contains(g.Docs, d) {
					docs++
				}
			}
			if docs == 0 {
				continue
			}
			var common []string
			for w := range gw {
				if ev[ei][w] {
					common = append(common, w)
				}
			}
			// Summed in a fixed order: a float sum in map order differs in its last bits from run
			// to run, and equal weights must tie the same way every time.
			slices.Sort(common)
			weight := 0.0
			for _, w := range common {
				weight += math.Log(float64(len(timeline)+1) / float64(df[w]))
			}
			if len(common) >= minShared {
				shared[[2]int{gi, ei}] = common
				cands = append(cands, cand{gi, ei, docs, weight})
			}
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(b.weight, a.weight), cmp.Compare(b.docs, a.docs), cmp.Compare(a.g, b.g), cmp.Compare(a.e, b.e))
	})
	s := TimelineScore{Events: len(gold), Pairs: len(gold) * (len(gold) - 1) / 2, Matches: make([]TimelineMatch, len(gold))}
	for gi, g := range gold {
		s.Matches[gi] = TimelineMatch{Gold: g, Event: -1}
	}
	used := make(map[int]bool)
	for _, c := range cands {
		if s.Matches[c.g].Event >= 0 || used[c.e] {
			continue
		}
		s.Matches[c.g].Event, s.Matches[c.g].Shared = c.e, shared[[2]int{c.g, c.e}]
		used[c.e] = true
		s.Matched++
	}
	for i := range gold {
		for j := i + 1; j < len(gold); j++ {
			a, b := s.Matches[i].Event, s.Matches[j].Event
			if a >= 0 && b >= 0 && timeline[a].Order < timeline[b].Order {
				s.Respected++
			}
		}
	}
	return s
}

// stems returns the stems of a text's content words.
func stems(s string) map[string]bool {
	out := make(map[string]bool)
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len([]rune(w)) < 3 || timelineStopword(w) {
			continue
		}
		if r := []rune(w); len(r) > 4 {
			w = string(r[:4])
		}
		out[w] = true
	}
	return out
}

// timelineStopword reports whether w is too common to show that two descriptions speak of one
// event.
func timelineStopword(w string) bool {
	switch w {
	case "the", "and", "for", "with", "from", "that", "this", "was", "were", "has", "have", "had",
		"his", "her", "their", "its", "into", "over", "after", "before", "between", "which", "who",
		"will", "would", "not", "are", "they", "them", "said", "says", "also":
		return true
	}
	return false
}
