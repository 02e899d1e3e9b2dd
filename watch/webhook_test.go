package watch_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/watch"
)

// harbourRecord is an invented article with quotes by two speakers, one quote said jointly,
// and a position.
func harbourRecord() *analyze.Record {
	varga := analyze.Speaker{Name: "Ilse Varga", Entity: "person:ilse-varga", Role: "harbour master"}
	holm := analyze.Speaker{Name: "Pieter Holm", Entity: "person:pieter-holm"}
	return &analyze.Record{
		ID: "a1", URL: "https://gazette.example/ferry-fog", Source: "https://gazette.example/rss.xml#1",
		Outlet: "Tessel Gazette", Title: "Harbour master blames fog", Published: "2031-04-15T09:00:00Z",
		Quotes: []analyze.Quote{
			{Text: "We had clear water at six", Kind: "direct", Speaker: varga},
			{Text: "Our crews deserve the best", Kind: "direct", Speaker: holm},
			{Text: "the channel must be dredged", Kind: "indirect", Speaker: holm, Joint: []analyze.Speaker{varga}},
		},
		Positions: []analyze.Position{
			{Actor: dossier.Actor{Name: "Pieter Holm", Entity: "person:pieter-holm"}, Issue: "ferry safety", Stance: "supports"},
		},
	}
}

func TestWebhookEvents(t *testing.T) {
	tests := []struct {
		name      string
		actors    []string
		want      []string // followed actors with an event
		quotes    []int    // quotes in each event
		positions []int
	}{
		{"by entity", []string{"person:ilse-varga"}, []string{"person:ilse-varga"}, []int{2}, []int{0}},
		{"by name, any case", []string{"pieter HOLM"}, []string{"pieter HOLM"}, []int{2}, []int{1}},
		{"two followed", []string{"Ilse Varga", "person:pieter-holm"}, []string{"Ilse Varga", "person:pieter-holm"}, []int{2, 2}, []int{0, 1}},
		{"not in the article", []string{"person:anna-berg"}, nil, nil, nil},
		{"role is not a name", []string{"harbour master"}, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &watch.Webhook{Actors: tt.actors}
			events := h.Events(harbourRecord())
			var got []string
			var quotes, positions []int
			for _, ev := range events {
				got = append(got, ev.Actor)
				quotes = append(quotes, len(ev.Quotes))
				positions = append(positions, len(ev.Positions))
				if ev.Article.ID != "a1" || ev.Article.URL == "" || ev.Article.Title == "" {
					t.Errorf("event for %s names article %+v", ev.Actor, ev.Article)
				}
			}
			if !slices.Equal(got, tt.want) || !slices.Equal(quotes, tt.quotes) || !slices.Equal(positions, tt.positions) {
				t.Errorf("events for %v, quotes %v, positions %v; want %v, %v, %v", got, quotes, positions, tt.want, tt.quotes, tt.positions)
			}
		})
	}
}

func TestWebhookNotify(t *testing.T) {
	var mu sync.Mutex
	var got []watch.Event
	status := http.StatusNoContent
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var ev watch.Event
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
			t.Errorf("request %s with Content-Type %q, want a JSON POST", r.Method, r.Header.Get("Content-Type"))
		}
		if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
			t.Errorf("decode event: %v", err)
		}
		mu.Lock()
		got = append(got, ev)
		mu.Unlock()
		w.WriteHeader(status)
	}))
	defer srv.Close()
	h := &watch.Webhook{URL: srv.URL, Actors: []string{"person:ilse-varga", "person:pieter-holm", "person:anna-berg"}}
	if err := h.Notify(t.Context(), harbourRecord()); err != nil {
		t.Fatalf("Notify() error = %v", err)
	}
	if len(got) != 2 || got[0].Actor != "person:ilse-varga" || got[1].Actor != "person:pieter-holm" || len(got[1].Positions) != 1 {
		t.Errorf("posted %+v, want an event for each of the two followed actors in the article", got)
	}

	status = http.StatusInternalServerError
	if err := h.Notify(t.Context(), harbourRecord()); !errors.Is(err, watch.ErrStatus) {
		t.Errorf("Notify() to a failing receiver = %v, want ErrStatus", err)
	}
}
