package position_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dossier-news/dossier/position"
	"github.com/dossier-news/dossier/text"
)

func TestClassify(t *testing.T) {
	tax, err := position.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		phrase, want string
		ok           bool
	}{
		{"territory", "territory", true},
		{"NATO membership for Ukraine", "alliance", true},
		{"pre-2014 borders", "territory", true},
		{"US peacekeeping troops", "peacekeeping", true},
		{"military aid to Ukraine", "military-aid", true},
		{"direct talks", "negotiations", true},
		{"Peace talks", "negotiations", true},
		{"relief from sanctions", "sanctions", true},
		{"nuclear weapons", "nuclear", true},
		{"weapons", "military-aid", true},
		{"territorial integrity", "sovereignty", true},
		{"the end of the war", "peace", true},
		{"Ukraine’s demilitarization", "demilitarization", true},
		{"army to be cut back", "demilitarization", true},
		{"security-guarantees", "security-guarantees", true},
		{"the harbour tax", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			got, ok := tax.Classify(tt.phrase)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Classify(%q) = %q, %v; want %q, %v", tt.phrase, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestDefaultTaxonomy(t *testing.T) {
	tax, err := position.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	// The issues the package documents as its default.
	for _, key := range []string{"territory", "ceasefire", "sanctions", "military-aid", "security-guarantees", "alliance",
		"neutrality", "demilitarization", "peacekeeping", "negotiations", "leadership", "energy", "prisoners",
		"elections", "humanitarian-aid", "trade", "migration", "accountability"} {
		if !slices.ContainsFunc(tax.Issues(), func(is position.Issue) bool { return is.Key == key }) {
			t.Errorf("default taxonomy has no issue %q", key)
		}
	}
	is := tax.Issues()
	is[0].Keywords[0] = "changed"
	if tax.Issues()[0].Keywords[0] == "changed" {
		t.Error("Issues returns the taxonomy's own slices: a caller can change it")
	}
}

func TestLoadTaxonomy(t *testing.T) {
	tests := []struct {
		name string
		// classify maps phrases to the key the loaded taxonomy should give ("" for none).
		classify map[string]string
	}{
		{"extend.yaml", map[string]string{"fishing rights": "fisheries", "trawlers": "fisheries", "blacklisting": "sanctions", "sanctions": "sanctions", "ceasefire": "ceasefire", "berths": "harbour"}},
		{"extend-default-mode.json", map[string]string{"fishing grounds": "fisheries", "ceasefire": "ceasefire"}},
		{"replace.json", map[string]string{"harbour dues": "harbour", "berths": "harbour", "ferries": "ferries", "ceasefire": "", "sanctions": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tax, err := position.LoadTaxonomy(filepath.Join("testdata", "TestLoadTaxonomy", tt.name))
			if err != nil {
				t.Fatal(err)
			}
			for phrase, want := range tt.classify {
				got, ok := tax.Classify(phrase)
				if got != want || ok != (want != "") {
					t.Errorf("Classify(%q) = %q, %v; want %q", phrase, got, ok, want)
				}
			}
		})
	}
}

// TestAmbiguousKeywords checks that an ambiguous keyword names its issue only in an article that
// names the issue by another keyword too.
func TestAmbiguousKeywords(t *testing.T) {
	tax, err := position.LoadTaxonomy(filepath.Join("testdata", "TestLoadTaxonomy", "extend.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	x, err := position.New(tax)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want []string
	}{
		// Without the issue named, the word is only the key phrase a strong cue keeps.
		{"Velmar rejected the new berths.", []string{"Velmar opposes berths"}},
		{"The harbour dues went up. Velmar rejected the new berths.", []string{"Velmar opposes harbour"}},
	} {
		var got []string
		for _, p := range x.Extract(text.Parse(tt.text), entities(tt.text), nil) {
			got = append(got, cell(p))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Extract(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if is := tax.Issues(); !slices.ContainsFunc(is, func(i position.Issue) bool { return i.Key == "harbour" && len(i.Ambiguous) == 1 }) {
		t.Error("Issues lost the ambiguous keyword of the extended issue")
	}
}

func TestLoadTaxonomyErrors(t *testing.T) {
	for _, name := range []string{"unknown-mode.yaml", "unknown-field.json", "no-keywords.yaml", "no-key.yaml", "twice.yaml", "bad-pattern.yaml", "not-yaml.yaml"} {
		t.Run(name, func(t *testing.T) {
			_, err := position.LoadTaxonomy(filepath.Join("testdata", "TestLoadTaxonomy", name))
			if !errors.Is(err, position.ErrTaxonomy) {
				t.Errorf("LoadTaxonomy(%s) error = %v, want ErrTaxonomy", name, err)
			}
		})
	}
	if _, err := position.LoadTaxonomy(filepath.Join("testdata", "TestLoadTaxonomy", "missing.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("LoadTaxonomy of a missing file: error = %v, want one that wraps os.ErrNotExist", err)
	}
}

// TestExtractWithTaxonomy files positions under a replacing taxonomy's issues only.
func TestExtractWithTaxonomy(t *testing.T) {
	tax, err := position.LoadTaxonomy(filepath.Join("testdata", "TestLoadTaxonomy", "replace.json"))
	if err != nil {
		t.Fatal(err)
	}
	x, err := position.New(tax)
	if err != nil {
		t.Fatal(err)
	}
	s := "Velmar rejected the new harbour dues. Caldora welcomed the ceasefire."
	var got []string
	for _, p := range x.Extract(text.Parse(s), entities(s), nil) {
		got = append(got, cell(p))
	}
	if want := []string{"Velmar opposes harbour"}; !slices.Equal(got, want) {
		t.Errorf("Extract with a replacing taxonomy = %q, want %q", got, want)
	}
	if x.Taxonomy() != tax {
		t.Error("Taxonomy() is not the taxonomy the Extractor was built with")
	}
	if _, err := position.New(nil); !errors.Is(err, position.ErrTaxonomy) {
		t.Errorf("New(nil) error = %v, want ErrTaxonomy", err)
	}
}
