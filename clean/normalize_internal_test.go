package clean

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// collapsed is what collapseSpace must return, the slow way.
func collapsed(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

func TestNeedsCollapse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{name: "empty", in: ""},
		{name: "one word", in: "Harbour"},
		{name: "single spaces", in: "The harbour board met on Tuesday to discuss dredging."},
		{name: "curly quotes and accents", in: "“Café owners” were told the pier’s repair is done."},
		{name: "leading space", in: " The board met.", want: true},
		{name: "trailing space", in: "The board met. ", want: true},
		{name: "double space in the first word of eight", in: "The  board met on Tuesday.", want: true},
		{name: "double space across eight bytes", in: "The boar  d met on Tuesday.", want: true},
		{name: "double space in the tail", in: "The board met on Tuesday  again", want: true},
		{name: "double space short", in: "a  b", want: true},
		{name: "newline", in: "The board met\non Tuesday to discuss dredging.", want: true},
		{name: "tab in the tail", in: "The board met on\tTuesday", want: true},
		{name: "no-break space", in: "The board met on 12\u00a0May to discuss it.", want: true},
		{name: "thin space", in: "The board met on 12\u2009May to discuss it.", want: true},
		{name: "ideographic space", in: "港口\u3000董事会", want: true},
		{name: "other control byte", in: "The board met\x01on Tuesday to discuss it."},
		{name: "zero-width space stays", in: "The board met\u200bon Tuesday to discuss it."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := needsCollapse(tt.in); got != tt.want {
				t.Errorf("needsCollapse(%q) = %v, want %v", tt.in, got, tt.want)
			}
			if want := collapsed(tt.in) != tt.in; want != tt.want {
				t.Fatalf("case is wrong: collapsing %q changes it: %v", tt.in, want)
			}
		})
	}
}

func TestNFCStable(t *testing.T) {
	tests := []struct {
		name string
		r    rune
		want bool
	}{
		{name: "ASCII", r: 'a', want: true},
		{name: "precomposed letter", r: 'é', want: true},
		{name: "Cyrillic", r: 'Й', want: true},
		{name: "curly apostrophe", r: '’', want: true},
		{name: "em dash", r: '—', want: true},
		{name: "euro", r: '€', want: true},
		{name: "combining acute", r: '\u0301'},
		{name: "en quad becomes en space", r: '\u2000'},
		{name: "Greek question mark becomes a semicolon", r: '\u037e'},
		{name: "Hangul vowel combines backwards", r: '\u1161'},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := nfcStable[tt.r/64]&(1<<(tt.r%64)) != 0; got != tt.want {
				t.Errorf("nfcStable[%U] = %v, want %v", tt.r, got, tt.want)
			}
		})
	}
}

// FuzzNormalize checks the fast paths of normalize against the plain definition: runs of space
// made one ASCII space, then NFC.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"", " ", "The harbour  board", "e\u0301 and é", "\u2000x", "Ли\u0306ст", "a\u00a0\u00a0b\u2003c\t\td",
		"“Café” — the pier’s €5 fee", "\xff\xfe broken \xc3", "12345678  12345678 ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		valid := strings.ToValidUTF8(s, "\uFFFD")
		if got, want := needsCollapse(valid), collapsed(valid) != valid; got != want {
			t.Fatalf("needsCollapse(%q) = %v, want %v", valid, got, want)
		}
		if stableNFC(valid) && !norm.NFC.IsNormalString(valid) {
			t.Fatalf("stableNFC(%q) but norm says it is not NFC", valid)
		}
		if got, want := normalize(s), norm.NFC.String(collapsed(valid)); got != want {
			t.Fatalf("normalize(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestToLower(t *testing.T) {
	tests := []struct{ name, in string }{
		{name: "empty", in: ""},
		{name: "already lower", in: "the harbour board"},
		{name: "ASCII", in: "The Harbour Board MET"},
		{name: "non-ASCII unchanged", in: "the pier’s “repair”"},
		{name: "non-ASCII upper", in: "Ÿ ÉCOLE Ärger Йошкар-Ола"},
		{name: "changes length", in: "Ⱥ and ẞ"},
		{name: "invalid", in: "\xffABC\xc3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := toLower(tt.in), strings.ToLower(tt.in); got != want {
				t.Errorf("toLower(%q) = %q, want %q", tt.in, got, want)
			}
		})
	}
}

func FuzzToLower(f *testing.F) {
	for _, s := range []string{"", "The Pier’s REPAIR", "Ⱥ İ K Ω", "\xffABC\xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := toLower(s), strings.ToLower(s); got != want {
			t.Fatalf("toLower(%q) = %q, want %q", s, got, want)
		}
	})
}
