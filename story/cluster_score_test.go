package story_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readGold reads a hand grouping: story label → article keys; keys starting with "_" are notes.
// It returns each grouped article's label.
func readGold(t testing.TB, name string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("read gold grouping: %v", err)
	}
	var groups map[string]json.RawMessage
	if err := json.Unmarshal(data, &groups); err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
	gold := map[string]string{}
	for label, raw := range groups {
		if strings.HasPrefix(label, "_") {
			continue
		}
		var keys []string
		if err := json.Unmarshal(raw, &keys); err != nil {
			t.Fatalf("decode group %q of %s: %v", label, name, err)
		}
		for _, k := range keys {
			if prev, ok := gold[k]; ok {
				t.Fatalf("%s: %s is in %q and %q", name, k, prev, label)
			}
			gold[k] = label
		}
	}
	return gold
}

// clusterScores compares a predicted grouping of items with a true one, both given as item →
// label (an item missing from truth is a group of its own). B-cubed precision is the mean over
// items of the share of its predicted group that truly belongs with it; recall, the share of its
// true group that was predicted with it (Amigó et al. 2009). Pairwise precision and recall count
// the pairs of items put together.
type clusterScores struct {
	BP, BR, BF    float64 // B-cubed
	PP, PR, PF    float64 // pairwise
	Pairs, Truths int     // predicted and true pairs
}

func score(items []string, pred, truth map[string]string) clusterScores {
	label := func(m map[string]string, k string) string {
		if l, ok := m[k]; ok {
			return "g:" + l
		}
		return "i:" + k
	}
	predGroups, trueGroups := map[string][]string{}, map[string][]string{}
	for _, k := range items {
		predGroups[label(pred, k)] = append(predGroups[label(pred, k)], k)
		trueGroups[label(truth, k)] = append(trueGroups[label(truth, k)], k)
	}
	var s clusterScores
	both := 0
	for _, k := range items {
		pg, tg := predGroups[label(pred, k)], trueGroups[label(truth, k)]
		common := 0
		for _, o := range pg {
			if label(truth, o) == label(truth, k) {
				common++
			}
		}
		s.BP += float64(common) / float64(len(pg))
		s.BR += float64(common) / float64(len(tg))
		both += common - 1
		s.Pairs += len(pg) - 1
		s.Truths += len(tg) - 1
	}
	n := float64(len(items))
	s.BP, s.BR = s.BP/n, s.BR/n
	s.BF = f1(s.BP, s.BR)
	both, s.Pairs, s.Truths = both/2, s.Pairs/2, s.Truths/2
	s.PP, s.PR = ratio(both, s.Pairs), ratio(both, s.Truths)
	s.PF = f1(s.PP, s.PR)
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
