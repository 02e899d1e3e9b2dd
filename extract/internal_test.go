package extract

import (
	"testing"
	"time"
)

func TestWordsHint(t *testing.T) {
	tests := []struct {
		class      string
		want, not_ hint
	}{
		{"article-body", hintBody | hintContent, hintNegative},
		{"article__body", hintBody | hintContent, hintNegative},
		{"entry-content clearfix", hintBody | hintContent, hintNegative},
		{"StoryBodyCompanionColumn", hintBody, hintNegative},
		{"post", hintContent, hintBody | hintNegative},
		{"share-bar", hintNegative | hintChrome, hintContent},
		{"socialShareButtons", hintNegative | hintChrome, 0},
		{"relatedStories", hintNegative | hintChrome, 0},
		{"comments-area", hintNegative | hintComments | hintNever, 0},
		{"post-meta", hintNegative | hintMeta | hintContent, hintBody},
		{"byline", hintNegative | hintMeta, 0},
		{"hidden", hintNegative | hintMeta, 0},
		{"hidden-xs", 0, hintNegative},
		{"tag-harbour category-news", 0, hintNegative},
		{"story-tags", hintNegative | hintMeta, 0},
		{"cookie-banner", hintNegative | hintNever, 0},
		{"social-media-embed", hintEmbed | hintNegative, 0},
		{"twitter-tweet", hintEmbed, hintNegative},
		{"layout-main", hintContent, hintNegative},
		{"", 0, hintContent | hintNegative},
	}
	for _, tt := range tests {
		t.Run(tt.class, func(t *testing.T) {
			got := wordsHint(tt.class)
			if got&tt.want != tt.want || got&tt.not_ != 0 {
				t.Errorf("wordsHint(%q) = %b, want bits %b set and %b clear", tt.class, got, tt.want, tt.not_)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339, "" for no date
	}{
		{"2024-05-02T06:15:00Z", "2024-05-02T06:15:00Z"},
		{"2024-05-02T06:15:00.000+02:00", "2024-05-02T06:15:00+02:00"},
		{"2024-05-02T06:15:00+0200", "2024-05-02T06:15:00+02:00"},
		{"2024-05-02T06:15:00", "2024-05-02T06:15:00Z"},
		{"2024-05-02 06:15:00", "2024-05-02T06:15:00Z"},
		{"2024-05-02", "2024-05-02T00:00:00Z"},
		{"20240502", "2024-05-02T00:00:00Z"},
		{"Thu, 02 May 2024 06:15:00 +0000", "2024-05-02T06:15:00Z"},
		{"Thu May 02 2024 06:15:00 GMT+0000", "2024-05-02T06:15:00Z"},
		{"May 2, 2024", "2024-05-02T00:00:00Z"},
		{"2 May 2024", "2024-05-02T00:00:00Z"},
		{"Published 2024-05-02 at noon", "2024-05-02T00:00:00Z"},
		{"0001-01-01T00:00:00Z", ""},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseDate(tt.in)
			if tt.want == "" {
				if ok {
					t.Errorf("parseDate(%q) = %v, want no date", tt.in, got)
				}
				return
			}
			want, err := time.Parse(time.RFC3339, tt.want)
			if err != nil {
				t.Fatal(err)
			}
			if !ok || !got.Equal(want) {
				t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, ok, want)
			}
		})
	}
}

func TestLangCode(t *testing.T) {
	tests := map[string]string{"en": "en", "en-US": "en", "pt_BR": "pt", "DE": "de", "fr, en": "fr", "eng": "", "": "", "1x": ""}
	for in, want := range tests {
		if got := langCode(in); got != want {
			t.Errorf("langCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFlattenTableRows(t *testing.T) {
	p, err := HTML([]byte(`<table><tr><th>Boat</th><th>Crew</th></tr><tr><td>Northern Light</td><td>14</td></tr></table>`), "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range p.Blocks {
		got = append(got, b.Text)
	}
	if len(got) != 2 || got[0] != "Boat Crew" || got[1] != "Northern Light 14" {
		t.Errorf("table blocks = %q, want one block per row", got)
	}
}

func TestDateFromURL(t *testing.T) {
	tests := []struct {
		url  string
		want string // "" for no date
	}{
		{"https://coast.example/story/news/2024/03/14/ferry-returns/123/", "2024-03-14"},
		{"https://coast.example/west/statements/2024/mar/04/ferry/", "2024-03-04"},
		{"https://coast.example/news/2024-03-14-ferry-returns", "2024-03-14"},
		{"https://coast.example/tide-cells-set-off-alarms-20240315/", "2024-03-15"},
		{"https://coast.example/news/ferry-returns-474349633.html", ""},
		{"https://coast.example/news/2024/04/31/not-a-day/", ""},
		{"https://coast.example/news/2099/01/01/future/", ""},
		{"https://coast.example/2024/03/ferry-returns", ""}, // a month is not a day
		{"https://coast.example/?d=2024/03/14", ""},         // only the path counts
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			got := dateFromURL(tt.url)
			var s string
			if !got.IsZero() {
				s = got.Format("2006-01-02")
			}
			if s != tt.want {
				t.Errorf("dateFromURL(%q) = %q, want %q", tt.url, s, tt.want)
			}
		})
	}
}
