package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
)

// A fictional article text for the span tests.
const ferryText = "The Orlen ferry resumed on Monday.\n\n" +
	"Captain Mirela Sand said the crossing took forty minutes. “The lake was calm,” she said.\n\n" +
	"Schedules\n\n" +
	"Boats leave every hour."

func TestParagraphs(t *testing.T) {
	quote := strings.Index(ferryText, "“The lake")
	second := strings.Index(ferryText, "Captain")
	tests := []struct {
		name       string
		start, end int
		paras      int
		marked     string
		heading    int // index of the heading paragraph
	}{
		{"no span", -1, -1, 4, "", 2},
		{"a sentence", quote, quote + len("“The lake was calm,”"), 4, "“The lake was calm,”", 2},
		{"a whole paragraph", 0, len("The Orlen ferry resumed on Monday."), 4, "The Orlen ferry resumed on Monday.", 2},
		{"over two paragraphs", second, len(ferryText), 4, ferryText[second:], 2},
	}
	headings := []dossier.Heading{{Text: "Schedules", Span: dossier.Span{Start: strings.Index(ferryText, "Schedules"), End: strings.Index(ferryText, "Schedules") + 9}}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := paragraphs(ferryText, headings, tt.start, tt.end)
			if len(ps) != tt.paras {
				t.Fatalf("%d paragraphs, want %d", len(ps), tt.paras)
			}
			var marked, all []string
			anchors := 0
			for i, p := range ps {
				if p.Heading != (i == tt.heading) {
					t.Errorf("paragraph %d heading = %v", i, p.Heading)
				}
				var b strings.Builder
				for _, s := range p.Segs {
					b.WriteString(s.Text)
					if s.Mark {
						marked = append(marked, s.Text)
					}
					if s.Anchor {
						anchors++
					}
				}
				all = append(all, b.String())
			}
			if got := strings.Join(all, "\n\n"); got != ferryText {
				t.Errorf("paragraphs put together = %q, want the text", got)
			}
			if got := strings.Join(marked, "\n\n"); got != tt.marked {
				t.Errorf("marked %q, want %q", got, tt.marked)
			}
			if want := min(1, len(tt.marked)); anchors != want {
				t.Errorf("%d anchors, want %d", anchors, want)
			}
		})
	}
}

func TestSpan(t *testing.T) {
	curly := strings.Index(ferryText, "“")
	tests := []struct {
		name       string
		query      string
		start, end int
		asked      bool
		bad        bool
	}{
		{"none", "", -1, -1, false, false},
		{"a span", "?s=0&e=9", 0, 9, true, false},
		{"to the end", "?s=0&e=" + itoa(len(ferryText)), 0, len(ferryText), true, false},
		{"past the end", "?s=0&e=" + itoa(len(ferryText)+1), -1, -1, true, false},
		{"backwards", "?s=9&e=3", -1, -1, true, false},
		{"empty", "?s=9&e=9", -1, -1, true, false},
		{"negative", "?s=-1&e=3", -1, -1, true, false},
		{"inside a character", "?s=" + itoa(curly+1) + "&e=" + itoa(curly+5), -1, -1, true, false},
		{"ends inside a character", "?s=0&e=" + itoa(curly+1), -1, -1, true, false},
		{"not numbers", "?s=a&e=b", -1, -1, true, true},
		{"only the start", "?s=4", -1, -1, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/articles/x"+tt.query, nil)
			start, end, asked, err := span(r, ferryText)
			if (err != nil) != tt.bad || !errors.Is(err, ErrBadRequest) && tt.bad {
				t.Fatalf("err = %v, want a bad request: %v", err, tt.bad)
			}
			if start != tt.start || end != tt.end || asked != tt.asked {
				t.Errorf("span = %d, %d, %v; want %d, %d, %v", start, end, asked, tt.start, tt.end, tt.asked)
			}
		})
	}
}

// FuzzSpan checks that whatever offsets a link carries, the article page marks only words of
// the span asked for, all of them when the span lies in one paragraph, nothing when it is not
// a span of the text, and shows only the text's own words.
func FuzzSpan(f *testing.F) {
	f.Add(ferryText, "3", "20")
	f.Add(ferryText, "0", "9999")
	f.Add("a\n\n\n\nb", "0", "6")
	f.Add("“x”", "1", "4")
	f.Fuzz(func(t *testing.T, text, s, e string) {
		r := httptest.NewRequest(http.MethodGet, "/articles/x", nil)
		r.URL.RawQuery = url.Values{"s": {s}, "e": {e}}.Encode()
		start, end, _, err := span(r, text)
		if err != nil {
			return
		}
		var marked strings.Builder
		for _, p := range paragraphs(text, nil, start, end) {
			var para strings.Builder
			for _, sg := range p.Segs {
				para.WriteString(sg.Text)
				if !sg.Mark {
					continue
				}
				if start < 0 || !strings.Contains(text[start:end], sg.Text) {
					t.Fatalf("marked %q outside the span %d, %d", sg.Text, start, end)
				}
				marked.WriteString(sg.Text)
			}
			if !strings.Contains(text, para.String()) {
				t.Errorf("paragraph %q is not in the text", para.String())
			}
		}
		if start < 0 {
			return
		}
		if cited := text[start:end]; !strings.Contains(cited, "\n") && strings.TrimSpace(cited) != "" && marked.String() != cited {
			t.Errorf("marked %q, want %q", marked.String(), cited)
		}
		if utf8.ValidString(text) && !utf8.ValidString(marked.String()) {
			t.Errorf("marked text %q of valid text is not valid UTF-8", marked.String())
		}
	})
}

func TestCheckJSON(t *testing.T) {
	tests := []struct {
		name, body string
		ok         bool
	}{
		{"text", `{"title": "T", "text": "Body."}`, true},
		{"pretty", "{\n  \"text\": \"Body.\",\n  \"published\": \"2031-06-03\"\n}", true},
		{"html", `{"html": "<p>Body.</p>", "url": "https://x.example/a"}`, true},
		{"number as title", `{"title": 4, "text": "Body."}`, false},
		{"null", `null`, false},
		{"trailing garbage", `{"text": "a"} x`, false},
		{"ftp url", `{"text": "a", "url": "ftp://x.example/a"}`, false},
		{"url without host", `{"text": "a", "url": "https:///a"}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, err := checkJSON([]byte(tt.body))
			if (err == nil) != tt.ok {
				t.Fatalf("checkJSON err = %v, want ok %v", err, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrBadRequest) {
				t.Errorf("err %v is not a bad request", err)
			}
			if tt.ok && (bytes.ContainsRune(line, '\n') || !json.Valid(line)) {
				t.Errorf("checkJSON = %q, want JSON on one line", line)
			}
		})
	}
}

// FuzzCheckJSON checks that any body is either refused as a bad request or comes out as one
// line of valid JSON, which is what ingest's JSON Lines reader needs.
func FuzzCheckJSON(f *testing.F) {
	f.Add([]byte(`{"title": "T", "text": "Body."}`))
	f.Add([]byte("{\"html\": \"<p>a</p>\",\n\"url\": \"https://x.example\"}"))
	f.Add([]byte(`[{"text": "a"}]`))
	f.Fuzz(func(t *testing.T, body []byte) {
		line, err := checkJSON(body)
		if err != nil {
			if !errors.Is(err, ErrBadRequest) {
				t.Errorf("err %v is not a bad request", err)
			}
			return
		}
		if bytes.ContainsAny(line, "\r\n") || !json.Valid(line) {
			t.Errorf("checkJSON(%q) = %q, want JSON on one line", body, line)
		}
	})
}

func TestRecoverPanics(t *testing.T) {
	s := &Server{log: discard()}
	h := s.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("broken handler") }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/stories", nil))
	if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), `"internal error"`) {
		t.Errorf("panic answered %d %q, want 500 with an internal error", rec.Code, rec.Body.String())
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }
