package ingest

import (
	"net/netip"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

func TestParseDate(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min, s int) time.Time {
		return time.Date(y, m, d, h, min, s, 0, time.UTC)
	}
	tests := []struct {
		in      string
		want    time.Time
		wantErr bool
	}{
		{in: "", want: time.Time{}},
		{in: "2031-04-09T08:30:00Z", want: utc(2031, 4, 9, 8, 30, 0)},
		{in: "2031-04-09T10:30:00+02:00", want: utc(2031, 4, 9, 8, 30, 0)},
		{in: "2031-04-09T08:30:00.123Z", want: utc(2031, 4, 9, 8, 30, 0).Add(123 * time.Millisecond)},
		{in: "2031-04-09", want: utc(2031, 4, 9, 0, 0, 0)},
		{in: " 2031-04-09 08:30:00 ", want: utc(2031, 4, 9, 8, 30, 0)},
		{in: "2031-04-09T08:30:00", want: utc(2031, 4, 9, 8, 30, 0)},
		{in: "2031-04-09T08:30", want: utc(2031, 4, 9, 8, 30, 0)},
		{in: "2031-04-09 10:30:00 +0200", want: utc(2031, 4, 9, 8, 30, 0)},
		{in: "2031-04-09T10:30:00+0200", want: utc(2031, 4, 9, 8, 30, 0)},
		{in: "Wed, 09 Apr 2031 08:30:00 GMT", want: utc(2031, 4, 9, 8, 30, 0)},
		{in: "Wed, 09 Apr 2031 10:30:00 +0200", want: utc(2031, 4, 9, 8, 30, 0)},
		{in: "Wed, 9 Apr 2031 08:30:00 +0000", want: utc(2031, 4, 9, 8, 30, 0)},
		{in: "9 April 2031", want: utc(2031, 4, 9, 0, 0, 0)},
		{in: "April 9, 2031", want: utc(2031, 4, 9, 0, 0, 0)},
		{in: "Apr 9, 2031", want: utc(2031, 4, 9, 0, 0, 0)},
		{in: "2031/04/09", want: utc(2031, 4, 9, 0, 0, 0)},
		{in: "09.04.2031", want: utc(2031, 4, 9, 0, 0, 0)},
		{in: "09.04.2031 08:30", want: utc(2031, 4, 9, 8, 30, 0)},
		{in: "1933489800", want: utc(2031, 4, 9, 8, 30, 0)},
		{in: "1933489800000", want: utc(2031, 4, 9, 8, 30, 0)},
		{in: "yesterday", wantErr: true},
		{in: "2031-13-40", wantErr: true},
		{in: "99999999999999999", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseDate(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("parseDate(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if !got.Equal(tt.want) {
				t.Errorf("parseDate(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestJSONDate(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    time.Time
		wantErr bool
	}{
		{name: "string", in: `"2031-04-09"`, want: time.Date(2031, 4, 9, 0, 0, 0, 0, time.UTC)},
		{name: "seconds", in: `1933489800`, want: time.Date(2031, 4, 9, 8, 30, 0, 0, time.UTC)},
		{name: "milliseconds", in: `1933489800000`, want: time.Date(2031, 4, 9, 8, 30, 0, 0, time.UTC)},
		{name: "null", in: `null`},
		{name: "bad-string", in: `"someday"`, wantErr: true},
		{name: "bool", in: `true`, wantErr: true},
		{name: "huge", in: `1e300`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d jsonDate
			if err := d.UnmarshalJSON([]byte(tt.in)); err != nil {
				t.Fatalf("UnmarshalJSON(%s) = %v, want the problem kept in err", tt.in, err)
			}
			if (d.err != nil) != tt.wantErr || !d.Equal(tt.want) {
				t.Errorf("UnmarshalJSON(%s) = %v, %v; want %v, error %v", tt.in, d.Time, d.err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, file, contentType, head string
		want                          kind
	}{
		{name: "txt", file: "a.txt", head: "<html>", want: kindText},
		{name: "md", file: "a.markdown", head: "# Title", want: kindMarkdown},
		{name: "htm", file: "a.HTM", head: "hello", want: kindHTML},
		{name: "jsonl", file: "a.ndjson", head: `{"text":"x"}`, want: kindJSONL},
		{name: "json-feed", file: "a.json", head: `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, want: kindFeed},
		{name: "rss-ext", file: "a.rss", head: "", want: kindFeed},
		{name: "warc-ext", file: "a.warc", head: "", want: kindWARC},
		{name: "warc-wins-over-name", file: "a.txt", head: "WARC/1.1\r\n", want: kindWARC},
		{name: "sniff-warc", file: "crawl", head: "WARC/1.0\r\nWARC-Type: warcinfo\r\n", want: kindWARC},
		{name: "sniff-rss", file: "x", head: "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", want: kindFeed},
		{name: "sniff-atom", file: "x", head: "\xef\xbb\xbf<feed xmlns=\"http://www.w3.org/2005/Atom\">", want: kindFeed},
		{name: "sniff-rdf", file: "x", head: "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">", want: kindFeed},
		{name: "sniff-feed-after-comment", file: "x", head: "<!-- made by hand -->\n<rss>", want: kindFeed},
		{name: "sniff-xhtml", file: "x", head: "<?xml version=\"1.0\"?>\n<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><feedback>", want: kindHTML},
		{name: "sniff-other-xml", file: "x", head: "<?xml version=\"1.0\"?><urlset>", want: kindFeed},
		{name: "sniff-doctype", file: "x", head: "  <!DOCTYPE html>\n<html>", want: kindHTML},
		{name: "sniff-fragment", file: "x", head: "<p>Hello</p>", want: kindHTML},
		{name: "sniff-feedback-tag-is-html", file: "x", head: "<div><feedback>", want: kindHTML},
		{name: "sniff-jsonl", file: "x", head: `{"text": "x"}`, want: kindJSONL},
		{name: "sniff-text", file: "x", head: "Plain words < and > here", want: kindText},
		{name: "sniff-less-than", file: "x", head: "< not a tag", want: kindText},
		{name: "content-type-html", file: "/news/story", contentType: "text/html; charset=utf-8", head: "Story text", want: kindHTML},
		{name: "content-type-markdown", file: "/readme", contentType: "text/markdown", head: "# A", want: kindMarkdown},
		{name: "content-type-rss-but-page", file: "/rss", contentType: "text/html", head: "<rss version=\"2.0\">", want: kindFeed},
		{name: "content-type-unknown", file: "/x", contentType: "application/octet-stream", head: "words", want: kindText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detect(tt.file, tt.contentType, []byte(tt.head)); got != tt.want {
				t.Errorf("detect(%q, %q, %q) = %v, want %v", tt.file, tt.contentType, tt.head, got, tt.want)
			}
		})
	}
}

func TestIsBinary(t *testing.T) {
	tests := []struct {
		name string
		head string
		want bool
	}{
		{name: "text", head: "An ordinary sentence.\n", want: false},
		{name: "legacy-high-bytes", head: "\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0\n", want: false},
		{name: "ansi-escape", head: "\x1b[1mBold\x1b[0m headline and a long line of ordinary words after it\n", want: false},
		{name: "nul", head: "text\x00more", want: true},
		{name: "png", head: "\x89PNG\r\n\x1a\n", want: true},
		{name: "jpeg", head: "\xff\xd8\xff\xe0", want: true},
		{name: "zip", head: "PK\x03\x04abc", want: true},
		{name: "pdf", head: "%PDF-1.4\n", want: true},
		{name: "controls", head: "a\x01b\x02c\x03d\x04e\x05", want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isBinary([]byte(tt.head)); got != tt.want {
				t.Errorf("isBinary(%q) = %v, want %v", tt.head, got, tt.want)
			}
		})
	}
}

// TestGuessLegacyMargin checks that the right encoding wins by a wide margin, not by luck, on
// text short enough to be a headline.
func TestGuessLegacyMargin(t *testing.T) {
	const ru = "Паром будет ходить и зимой, решил совет"
	tests := []struct {
		name string
		enc  *charmap.Charmap
		text string
	}{
		{name: "windows-1251", enc: charmap.Windows1251, text: ru},
		{name: "koi8-r", enc: charmap.KOI8R, text: ru},
		{name: "windows-1252", enc: charmap.Windows1252, text: "Le traversier restera en service cet hiver, a décidé le conseil"},
		// Portuguese has one-letter words ("é", "à") that read as lowercase Cyrillic letters.
		{name: "windows-1252-portuguese", enc: charmap.Windows1252, text: "O ministro disse que a decisão é definitiva e que não há recurso à justiça"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.enc.NewEncoder().Bytes([]byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if got := guessLegacy(b); got != tt.enc {
				t.Fatalf("guessLegacy = %v, want %v", got, tt.enc)
			}
			for _, other := range []*charmap.Charmap{charmap.Windows1251, charmap.KOI8R} {
				decoded, _ := other.NewDecoder().Bytes(b)
				score := cyrillicScore(decoded)
				switch {
				case other == tt.enc && score < 0.8:
					t.Errorf("score in the right encoding %v = %.2f, want at least 0.8", other, score)
				case other != tt.enc && score > 0.2:
					t.Errorf("score in the wrong encoding %v = %.2f, want at most 0.2", other, score)
				}
			}
		})
	}
}

func TestIsPublic(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"93.184.215.14", true},
		{"2606:2800:21f:cb07:6820:80da:af6b:96b8", true},
		{"127.0.0.1", false},
		{"127.8.9.10", false},
		{"::1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false},
		{"0.0.0.0", false},
		{"::", false},
		{"100.64.0.1", false},
		{"192.0.2.1", false},
		{"198.18.0.1", false},
		{"255.255.255.255", false},
		{"224.0.0.1", false},
		{"fe80::1", false},
		{"fc00::1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:93.184.215.14", true},
		{"64:ff9b::7f00:1", false},
		{"64:ff9b::5db8:d70e", true},
		{"2002:c0a8:101::1", false},
		{"2001:db8::1", false},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			if got := isPublic(netip.MustParseAddr(tt.addr)); got != tt.want {
				t.Errorf("isPublic(%s) = %v, want %v", tt.addr, got, tt.want)
			}
		})
	}
}

func TestRefusePrivate(t *testing.T) {
	tests := []struct {
		address string
		want    string
	}{
		{address: "93.184.215.14:443"},
		{address: "127.0.0.1:8080", want: "refused: 127.0.0.1 is a private address (use --allow-private)"},
		{address: "[::ffff:10.0.0.1]:80", want: "refused: 10.0.0.1 is a private address (use --allow-private)"},
		{address: "[fe80::1%eth0]:80", want: "refused: fe80::1 is a private address (use --allow-private)"},
	}
	for _, tt := range tests {
		t.Run(tt.address, func(t *testing.T) {
			err := refusePrivate("tcp", tt.address, nil)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refusePrivate(%s) = %v, want nil", tt.address, err)
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Errorf("refusePrivate(%s) = %v, want %q", tt.address, err, tt.want)
			}
		})
	}
}

func TestFormatSize(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{32 << 20, "32 MiB"},
		{1 << 30, "1 GiB"},
		{4096, "4 KiB"},
		{1000, "1000 bytes"},
		{(32 << 20) + 1, "33554433 bytes"},
	}
	for _, tt := range tests {
		if got := formatSize(tt.n); got != tt.want {
			t.Errorf("formatSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestSidecarName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"story.txt", "story.meta.json"},
		{"dir/story.md", "dir/story.meta.json"},
		{"page.html.gz", "page.meta.json"},
		{"notes", "notes.meta.json"},
		{"a.b.txt", "a.b.meta.json"},
	}
	for _, tt := range tests {
		if got := sidecarName(tt.in); got != tt.want {
			t.Errorf("sidecarName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<p>Hello</p>", true},
		{"Line one<br/>line two", true},
		{"Tom &amp; Jerry", true},
		{"Caf&#233;", true},
		{"a < b and c > d", false},
		{"Tom & Jerry; friends", false},
		{"Plain words.", false},
	}
	for _, tt := range tests {
		if got := looksLikeHTML(tt.in); got != tt.want {
			t.Errorf("looksLikeHTML(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
