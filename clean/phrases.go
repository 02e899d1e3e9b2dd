package clean

import (
	"fmt"
	"math/bits"
	"strings"
)

// The block checks ask which of some hundred phrases occur anywhere in a short block, and most
// blocks of news hold none. Asking strings.Contains once per phrase reads each block a hundred
// times; phraseMatcher reads it once. At each position, the four bytes there are hashed and
// looked up in a bitmap of the hashes of every phrase's first four bytes; only at the few
// positions that pass are phrases compared, and only those starting with that hash.
//
// Aho–Corasick would do the same in one pass, but the Go packages for it report leftmost,
// non-overlapping matches ("support us" hides "support"), and the checks need every phrase
// present; at this size the filter is as fast and much smaller.

// phraseSet holds phrase ids, one bit each.
type phraseSet [2]uint64

const maxPhrases = len(phraseSet{}) * 64

func (s *phraseSet) add(id int) { s[id/64] |= 1 << (id % 64) }

// hasAny reports whether s and t share a phrase.
func (s phraseSet) hasAny(t phraseSet) bool { return s[0]&t[0] != 0 || s[1]&t[1] != 0 }

// Each phrase's first phraseKey bytes are hashed to matchBits bits: with about a hundred phrases,
// one position in forty passes the filter by chance.
const (
	phraseKey = 4
	matchBits = 12
)

// phraseMatcher finds which of a fixed list of phrases occur in a text. It is built once and
// only read.
type phraseMatcher struct {
	phrases []string
	filter  [1 << matchBits / 64]uint64 // one bit per hash of a phrase's first bytes
	start   [1<<matchBits + 1]uint16    // the phrases of hash h are ids[start[h]:start[h+1]]
	ids     []uint8
}

// newPhraseMatcher builds a matcher for phrases, which are told apart by their index. A phrase
// shorter than phraseKey bytes, or too many of them, is a mistake in the tables: it panics.
func newPhraseMatcher(phrases []string) *phraseMatcher {
	if len(phrases) > maxPhrases {
		panic(fmt.Sprintf("clean: %d phrases, at most %d", len(phrases), maxPhrases))
	}
	m := &phraseMatcher{phrases: phrases}
	var count [1 << matchBits]int
	for _, p := range phrases {
		if len(p) < phraseKey {
			panic(fmt.Sprintf("clean: phrase %q is shorter than %d bytes", p, phraseKey))
		}
		h := phraseHash(keyOf(p))
		m.filter[h/64] |= 1 << (h % 64)
		count[h]++
	}
	for h := range count {
		m.start[h+1] = m.start[h] + uint16(count[h])
	}
	m.ids = make([]uint8, len(phrases))
	next := m.start
	for id, p := range phrases {
		h := phraseHash(keyOf(p))
		m.ids[next[h]] = uint8(id)
		next[h]++
	}
	return m
}

// keyOf reads the first phraseKey bytes of s, the first in the lowest byte.
func keyOf(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func phraseHash(key uint32) uint32 {
	return key * 0x9E3779B1 >> (32 - matchBits)
}

// find returns the phrases that occur in s.
func (m *phraseMatcher) find(s string) phraseSet {
	var found phraseSet
	if len(s) < phraseKey {
		return found
	}
	key := keyOf(s) << 8 // the loop shifts the next byte in first
	for i := 0; i+phraseKey <= len(s); i++ {
		key = key>>8 | uint32(s[i+phraseKey-1])<<24
		h := phraseHash(key)
		if m.filter[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		for _, id := range m.ids[m.start[h]:m.start[h+1]] {
			if strings.HasPrefix(s[i:], m.phrases[id]) {
				found.add(int(id))
			}
		}
	}
	return found
}

// each calls f with every phrase id in s.
func (s phraseSet) each(f func(id int)) {
	for w, bitsLeft := range s {
		for bitsLeft != 0 {
			f(w*64 + bits.TrailingZeros64(bitsLeft))
			bitsLeft &= bitsLeft - 1
		}
	}
}
