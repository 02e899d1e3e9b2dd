package event

import (
	"errors"
	"strings"
	"testing"
)

func TestParseLexiconErrors(t *testing.T) {
	tests := []struct {
		name, src string
	}{
		{"no triggers", "[compatible]\nmeeting summit\n"},
		{"unknown section", "[triggers]\ncall/call\tcall\n[colours]\nred\n"},
		{"trigger without sense", "[triggers]\ncall\tcall\n"},
		{"trigger without forms", "[triggers]\ncall/call\n"},
		{"unknown condition", "[triggers]\ncall/call\tcall\tshouted\n"},
		{"empty part of a form", "[triggers]\nmeeting/host\twelcomed ... \n"},
		{"status reach not a count", "[triggers]\ncall/call\tcall\n[status]\nplanned\tto\tsoon\n"},
		{"relative direction not a number", "[triggers]\ncall/call\tcall\n[relative]\nlast\tback\n"},
		{"relative unknown flag", "[triggers]\ncall/call\tcall\n[relative]\nlater\t+1\t\tloud\n"},
		{"unit without days", "[triggers]\ncall/call\tcall\n[units]\nweek\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := parseLexicon(tt.src); !errors.Is(err, ErrLexicon) {
				t.Errorf("parseLexicon(%q) error = %v, want ErrLexicon", tt.src, err)
			}
		})
	}
}

// TestEmbeddedLexicon checks that the embedded lexicon loads and hangs together: every type it
// names elsewhere has triggers, and every unit a direction word names has a length.
func TestEmbeddedLexicon(t *testing.T) {
	lx, err := parseLexicon(lexiconFile)
	if err != nil {
		t.Fatalf("parse embedded lexicon: %v", err)
	}
	types := make(map[string]bool)
	for _, fs := range lx.forms {
		for _, f := range fs {
			types[f.typ] = true
		}
	}
	for typ := range lx.compat {
		if !types[typ] {
			t.Errorf("[compatible] names %q, which no trigger has", typ)
		}
	}
	for typ := range lx.multiparty {
		if !types[typ] {
			t.Errorf("[multiparty] names %q, which no trigger has", typ)
		}
	}
	for prep, ts := range lx.placePreps {
		for _, typ := range ts {
			if !types[typ] {
				t.Errorf("[place] %q names %q, which no trigger has", prep, typ)
			}
		}
	}
	for w, r := range lx.relative {
		if _, ok := lx.units[r.unit]; r.unit != "" && !ok {
			t.Errorf("[relative] %q has unit %q, which [units] lacks", w, r.unit)
		}
	}
}

func TestSense(t *testing.T) {
	lx, err := parseLexicon(lexiconFile)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ trigger, want string }{
		{"phone call", "call/call"},
		{"Phone  Call", "call/call"},
		{"call", "call/call"},
		{"phone conversation", "call/conversation"},
		{"welcomed", "meeting/host"},
		{"negotiations", "talks/negotiations"},
		{"parleyed", "parleyed"},
	}
	for _, tt := range tests {
		if got := lx.sense(tt.trigger); got != tt.want {
			t.Errorf("sense(%q) = %q, want %q", tt.trigger, got, tt.want)
		}
	}
}

func TestGroup(t *testing.T) {
	lx, err := parseLexicon(lexiconFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, pair := range [][2]string{{"summit", "meeting"}, {"visit", "meeting"}, {"call", "call"}} {
		if lx.group(pair[0]) != lx.group(pair[1]) {
			t.Errorf("%s and %s should be compatible", pair[0], pair[1])
		}
	}
	if lx.group("call") == lx.group("meeting") || lx.group("talks") == lx.group("agreement") {
		t.Errorf("call/meeting or talks/agreement should not be compatible")
	}
	if !strings.Contains(lexiconFile, "[triggers]") {
		t.Errorf("embedded lexicon has no [triggers] section")
	}
}
