package watch_test

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/watch"
)

func BenchmarkParseFeeds(b *testing.B) {
	var opml, lines bytes.Buffer
	opml.WriteString(`<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><body>`)
	for folder := range 20 {
		fmt.Fprintf(&opml, `<outline text="Folder %d">`, folder)
		for n := range 50 {
			u := fmt.Sprintf("https://outlet-%d.example/feeds/section-%d.xml", folder, n)
			fmt.Fprintf(&opml, `<outline type="rss" text="Outlet %d section %d" xmlUrl="%s" htmlUrl="https://outlet-%d.example/"/>`, folder, n, u, folder)
			fmt.Fprintf(&lines, "%s # outlet %d\n", u, folder)
		}
		opml.WriteString(`</outline>`)
	}
	opml.WriteString(`</body></opml>`)
	for name, data := range map[string][]byte{"opml": opml.Bytes(), "lines": lines.Bytes()} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				feeds, err := watch.ParseFeeds(bytes.NewReader(data))
				if err != nil || len(feeds) != 1000 {
					b.Fatalf("ParseFeeds() = %d feeds, %v", len(feeds), err)
				}
			}
		})
	}
}

// BenchmarkPoll polls a feed of 50 items that are all stored already, the common case of a
// feed that changed by one item: fetch over loopback, parse, and offer each item.
func BenchmarkPoll(b *testing.B) {
	c := &fakeClock{now: start}
	var items []item
	for n := range 50 {
		it := story(n)
		it.body = strings.Repeat(it.body+" ", 4)
		items = append(items, it)
	}
	feed := rss("Tessel Gazette", items)
	srv := newFeedServer(b, c, map[string]http.HandlerFunc{"/feed.xml": fixedFeed("Tessel Gazette", items)})
	states, adder := newStates(), newAdder()
	w := watch.New(states, adder, options(c))
	b.SetBytes(int64(len(feed)))
	for b.Loop() {
		results, err := w.Once(b.Context(), sources(srv.URL+"/feed.xml"))
		if err != nil || results[0].Outcome != watch.Fetched || results[0].Items != 50 {
			b.Fatalf("Once() = %+v, %v", results, err)
		}
		c.advance(watch.DefaultEvery)
	}
}
