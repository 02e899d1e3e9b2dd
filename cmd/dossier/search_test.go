package main

import (
	"bufio"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/server"
	"github.com/dossier-news/dossier/store"
)

func TestSearchUsage(t *testing.T) {
	db := exampleStore(t)
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"without query", []string{"search", "--db", db}, 2, "no query given"},
		{"nothing to look for", []string{"search", "--db", db, "--", "- OR"}, 2, "bad query"},
		{"bad format", []string{"search", "--db", db, "--format", "xml", "dam"}, 2, `unknown format "xml"`},
		{"bad kind", []string{"search", "--db", db, "--kind", "event", "dam"}, 2, `unknown kind "event"`},
		{"bad date", []string{"search", "--db", db, "--from", "14/04/2031", "dam"}, 2, `--from "14/04/2031": want a date`},
		{"range backwards", []string{"search", "--db", db, "--from", "2031-05-01", "--to", "2031-04-01", "dam"}, 2, "ends (2031-04-01) before it starts (2031-05-01)"},
		{"bad limit", []string{"search", "--db", db, "--limit", "0", "dam"}, 2, "--limit must be at least 1"},
		{"no database", []string{"search", "--db", filepath.Join(t.TempDir(), "none.db"), "dam"}, 1, "no database at"},
		{"help", []string{"search", "-h"}, 0, "usage: dossier search"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRun(t, tt.args, tt.wantCode, nil, tt.wantErr)
		})
	}
}

// searchHits runs `dossier search --format json` and decodes its hits.
func searchHits(t *testing.T, args ...string) []server.Hit {
	t.Helper()
	code, stdout, stderr := run(t, "", append([]string{"search", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("exit code = %d, want 0 (stderr: %s)", code, stderr)
	}
	var hits []server.Hit
	sc := bufio.NewScanner(strings.NewReader(stdout))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var h server.Hit
		if err := json.Unmarshal(sc.Bytes(), &h); err != nil {
			t.Fatalf("decode line %q: %v", sc.Text(), err)
		}
		hits = append(hits, h)
	}
	return hits
}

// snippetText joins a hit's snippet, with its matches in brackets.
func snippetText(h server.Hit) string {
	var b strings.Builder
	for _, f := range h.Snippet {
		if f.Match {
			b.WriteString("[" + f.Text + "]")
		} else {
			b.WriteString(f.Text)
		}
	}
	return b.String()
}

func TestSearchFilters(t *testing.T) {
	db := exampleStore(t)
	tests := []struct {
		name string
		args []string
		// check is asked of every hit; at least one hit is wanted.
		check func(h server.Hit) bool
	}{
		{"words", []string{"salt"}, func(h server.Hit) bool { return strings.Contains(strings.ToLower(snippetText(h)), "[salt]") }},
		{"phrase", []string{`"second round"`}, func(h server.Hit) bool {
			return strings.Contains(strings.ToLower(snippetText(h)), "[second round]")
		}},
		{"quotes only", []string{"--kind", "quote", "dam"}, func(h server.Hit) bool {
			return h.Kind == store.HitQuote && h.Quote != nil && h.Quote.Text != ""
		}},
		{"articles only", []string{"--kind", "article", "dam"}, func(h server.Hit) bool { return h.Kind == store.HitArticle && h.Quote == nil }},
		{"outlet", []string{"--outlet", "Meridian Wire Service", "dam"}, func(h server.Hit) bool { return h.Article.Outlet == "Meridian Wire Service" }},
		{"speaker", []string{"--speaker", "Ines Harrow", "--kind", "quote", "salt"}, func(h server.Hit) bool {
			return h.Quote.Speaker.Name == "Ines Harrow"
		}},
		{"dates", []string{"--from", "2031-05-01", "--to", "2031-05-10", "dam"}, func(h server.Hit) bool {
			p, err := time.Parse(time.RFC3339, h.Article.Published)
			return err == nil && !p.Before(time.Date(2031, 5, 1, 0, 0, 0, 0, time.UTC)) && p.Before(time.Date(2031, 5, 11, 0, 0, 0, 0, time.UTC))
		}},
		{"excluded word", []string{"dam", "-salt"}, func(h server.Hit) bool { return !strings.Contains(strings.ToLower(snippetText(h)), "[salt]") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := searchHits(t, append([]string{"--db", db}, tt.args...)...)
			if len(hits) == 0 {
				t.Fatal("no hits")
			}
			for i, h := range hits {
				if !tt.check(h) {
					t.Errorf("hit %d (%s in %s, %q) does not fit the filter", i, h.Kind, h.Article.Source, snippetText(h))
				}
				if i > 0 && h.Rank < hits[i-1].Rank {
					t.Errorf("hit %d ranks %v, before it %v: want best (lowest) first", i, h.Rank, hits[i-1].Rank)
				}
				if h.Article.ID == "" || h.Article.Story == "" {
					t.Errorf("hit %d has no article or story ID: %+v", i, h.Article)
				}
			}
		})
	}
	t.Run("limit", func(t *testing.T) {
		if hits := searchHits(t, "--db", db, "--limit", "2", "dam"); len(hits) != 2 {
			t.Errorf("%d hits, want 2", len(hits))
		}
	})
	t.Run("nothing found", func(t *testing.T) {
		checkRun(t, []string{"search", "--db", db, "zeppelin"}, 0, nil, `0 hits for "zeppelin"`)
	})
}

func TestSearchText(t *testing.T) {
	db := exampleStore(t)
	// Output to a buffer is not a terminal: matches are bracketed, with no escape codes.
	checkRun(t, []string{"search", "--db", db, "--limit", "3", "salt"}, 0,
		[]string{"1. ", "\n   riverwatch-2031-04-22-delta-salt.txt\n", "[salt]"}, "3 hits for \"salt\"")
	code, stdout, _ := run(t, "", "search", "--db", db, "--kind", "quote", "--limit", "1", "salt")
	if code != 0 || !strings.Contains(stdout, " · quote by Dr. Ines Harrow · ") || strings.Contains(stdout, "\x1b") {
		t.Errorf("quote hit:\n%s\nwant its speaker with role, and no escape codes", stdout)
	}
}

func TestPrintable(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Salt creeps up the Sarn delta", "Salt creeps up the Sarn delta"},
		{"lines joined", "one\ntwo\r\nthree\tfour", "one two  three four"},
		{"escape codes removed", "bold \x1b[1mtext\x1b[0m and \x07bell", "bold [1mtext[0m and bell"},
		{"C1 controls removed", "a\u009bb\u0085c", "abc"},
		{"non-Latin kept", "Zelenskyy — Зеленський «слова»", "Zelenskyy — Зеленський «слова»"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := printable(tt.in); got != tt.want {
				t.Errorf("printable(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
