package position

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"

	"sigs.k8s.io/yaml"

	"github.com/dossier-news/dossier/text"
)

// ErrTaxonomy reports a taxonomy file that cannot be used: unknown fields or mode, an issue without
// a key or keywords, a key given twice, or a keyword that is not a valid pattern.
var ErrTaxonomy = errors.New("invalid taxonomy")

// Taxonomy modes: how a loaded file combines with the default taxonomy.
const (
	// Extend adds the file's issues to the default and the file's keywords to issues the default
	// already has (matched by key). It is the mode of a file that names none.
	Extend = "extend"
	// Replace makes the file's issues the whole taxonomy.
	Replace = "replace"
)

// Issue is one subject of dispute: its key (what positions carry), a label for people, and the
// keyword patterns that name it (see pattern for their syntax). Ambiguous keywords name it only in
// an article that names it by one of its other keywords too: "deal" is a peace deal in an article
// about a war, and a trade or budget deal elsewhere. Classify, which reads a phrase on its own,
// counts them.
type Issue struct {
	Key       string   `json:"key"`
	Label     string   `json:"label,omitempty"`
	Keywords  []string `json:"keywords"`
	Ambiguous []string `json:"ambiguous,omitempty"`
}

// Taxonomy maps the words of a text to issues. It is read-only once built and safe for
// concurrent use.
type Taxonomy struct {
	issues []Issue
	// set holds every keyword; a value is 2×(index into issues), plus 1 for an ambiguous one.
	set phraseSet
}

// taxonomyFile is the layout of a taxonomy in JSON or YAML.
type taxonomyFile struct {
	Mode   string  `json:"mode"`
	Issues []Issue `json:"issues"`
}

//go:embed data/taxonomy.yaml
var defaultTaxonomyData []byte

var defaultTaxonomy = sync.OnceValues(func() (*Taxonomy, error) {
	t, err := ParseTaxonomy(defaultTaxonomyData, nil)
	if err != nil {
		return nil, fmt.Errorf("parse embedded taxonomy: %w", err)
	}
	return t, nil
})

// DefaultTaxonomy returns the embedded taxonomy of politics and conflict (territory, ceasefire,
// sanctions, military aid, security guarantees, alliance membership, ...). It is built once and
// shared; it fails only in a broken build.
func DefaultTaxonomy() (*Taxonomy, error) { return defaultTaxonomy() }

// LoadTaxonomy reads a taxonomy file in JSON or YAML and applies it to the default taxonomy as its
// mode says: extend (the default when the file names no mode) or replace.
func LoadTaxonomy(path string) (*Taxonomy, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read taxonomy: %w", err)
	}
	base, err := DefaultTaxonomy()
	if err != nil {
		return nil, err
	}
	t, err := ParseTaxonomy(data, base)
	if err != nil {
		return nil, fmt.Errorf("load taxonomy %s: %w", path, err)
	}
	return t, nil
}

// ParseTaxonomy reads a taxonomy in JSON or YAML (JSON is YAML too, so one reader serves both)
// and applies it to base as its mode says; a nil base makes extend and replace the same.
func ParseTaxonomy(data []byte, base *Taxonomy) (*Taxonomy, error) {
	js, err := yaml.YAMLToJSON(data)
	if err != nil {
		return nil, fmt.Errorf("%w: decode: %w", ErrTaxonomy, err)
	}
	var f taxonomyFile
	dec := json.NewDecoder(bytes.NewReader(js))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%w: decode: %w", ErrTaxonomy, err)
	}
	var issues []Issue
	switch f.Mode {
	case "", Extend:
		if base != nil {
			issues = base.Issues()
		}
	case Replace:
	default:
		return nil, fmt.Errorf("%w: unknown mode %q (want %s or %s)", ErrTaxonomy, f.Mode, Extend, Replace)
	}
	seen := make(map[string]bool)
	for _, is := range f.Issues {
		key := strings.TrimSpace(is.Key)
		if key == "" {
			return nil, fmt.Errorf("%w: an issue without a key", ErrTaxonomy)
		}
		if seen[key] {
			return nil, fmt.Errorf("%w: issue %q given twice", ErrTaxonomy, key)
		}
		seen[key] = true
		k := slices.IndexFunc(issues, func(x Issue) bool { return x.Key == key })
		if k < 0 {
			issues = append(issues, Issue{Key: key, Label: is.Label, Keywords: slices.Clone(is.Keywords), Ambiguous: slices.Clone(is.Ambiguous)})
			continue
		}
		if is.Label != "" {
			issues[k].Label = is.Label
		}
		issues[k].Keywords = append(issues[k].Keywords, is.Keywords...)
		issues[k].Ambiguous = append(issues[k].Ambiguous, is.Ambiguous...)
	}
	return newTaxonomy(issues)
}

func newTaxonomy(issues []Issue) (*Taxonomy, error) {
	t := &Taxonomy{issues: issues}
	for i, is := range issues {
		if len(is.Keywords) == 0 {
			return nil, fmt.Errorf("%w: issue %q has no keywords", ErrTaxonomy, is.Key)
		}
		for weak, kws := range [2][]string{is.Keywords, is.Ambiguous} {
			for _, kw := range kws {
				p, err := parsePattern(kw)
				if err != nil {
					return nil, fmt.Errorf("%w: issue %q: %w", ErrTaxonomy, is.Key, err)
				}
				t.set.add(p, 2*i+weak)
			}
		}
	}
	return t, nil
}

// Issues returns the taxonomy's issues in order, as copies.
func (t *Taxonomy) Issues() []Issue {
	out := make([]Issue, len(t.issues))
	for i, is := range t.issues {
		out[i] = Issue{Key: is.Key, Label: is.Label, Keywords: slices.Clone(is.Keywords), Ambiguous: slices.Clone(is.Ambiguous)}
	}
	return out
}

// Classify maps a free-text issue name ("NATO membership for Ukraine", "pre-2014 borders") onto
// a key: the phrase's own key, or the issue of its earliest keyword (the longest one there).
func (t *Taxonomy) Classify(phrase string) (key string, ok bool) {
	p := strings.TrimSpace(phrase)
	for _, is := range t.issues {
		if strings.EqualFold(is.Key, p) {
			return is.Key, true
		}
	}
	var words []string
	for _, tok := range text.Tokens(p) {
		if tok.Kind != text.Punct {
			words = append(words, norm(p[tok.Start:tok.End]))
		}
	}
	if _, _, v, ok := t.set.first(words, 0, len(words)); ok {
		return t.issues[v/2].Key, true
	}
	return "", false
}
