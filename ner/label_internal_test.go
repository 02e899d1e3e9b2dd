package ner

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestViterbi checks the Viterbi decoder against every valid label sequence of short sentences
// with random scores: it must find the sequence with the highest score.
func TestViterbi(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for _, n := range []int{1, 2, 3} {
		for trial := range 20 {
			emit := make([][numLabels]int32, n)
			for i := range emit {
				for l := range emit[i] {
					emit[i][l] = rng.Int32N(200) - 100
				}
			}
			var trans transitions[int32]
			for p := range trans {
				for l := range trans[p] {
					trans[p][l] = rng.Int32N(200) - 100
				}
			}
			got := make([]label, n)
			viterbi(got, emit, &trans, make([][numLabels]label, n), -1<<30)
			want, wantScore := bestByEnumeration(emit, &trans)
			if gotScore := pathScore(got, emit, &trans); gotScore != wantScore || !valid(got) {
				t.Errorf("n=%d trial %d: viterbi %v (score %d, valid %v), best %v (score %d)", n, trial, got, gotScore, valid(got), want, wantScore)
			}
		}
	}
}

func valid(ls []label) bool {
	prev := labelO
	for _, l := range ls {
		if !l.follows(prev) {
			return false
		}
		prev = l
	}
	return !prev.inside()
}

func pathScore(ls []label, emit [][numLabels]int32, trans *transitions[int32]) int32 {
	s, prev := int32(0), startLabel
	for i, l := range ls {
		s += emit[i][l] + trans[prev][l]
		prev = l
	}
	return s
}

func bestByEnumeration(emit [][numLabels]int32, trans *transitions[int32]) ([]label, int32) {
	n := len(emit)
	cur := make([]label, n)
	var best []label
	var bestScore int32
	var walk func(i int)
	walk = func(i int) {
		if i == n {
			if s := pathScore(cur, emit, trans); valid(cur) && (best == nil || s > bestScore) {
				best, bestScore = append([]label(nil), cur...), s
			}
			return
		}
		for l := range label(numLabels) {
			cur[i] = l
			walk(i + 1)
		}
	}
	walk(0)
	return best, bestScore
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		name  string
		words string
		want  sentKind
	}{
		{"prose", "The mayor of Tarrow opened the bridge on Monday .", 0},
		{"headline", "TARROW MAYOR OPENS BRIDGE .", headline},
		{"dateline", "TARROW , Ostrenia 2031-04-19", dateline},
		{"dateline in capitals", "TARROW 2031-04-19", headline | dateline},
		{"results row", "Tarrow Rovers 3 Meskel United 1", tableRow},
		{"standings row", "Tarrow 5 4 1 0 12", tableRow},
		{"one number in prose", "Tarrow won 3-1 in front of a crowd of thousands on Sunday .", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := kindOf(strings.Fields(tt.words)); got != tt.want {
				t.Errorf("kindOf(%q) = %03b, want %03b", tt.words, got, tt.want)
			}
		})
	}
}
